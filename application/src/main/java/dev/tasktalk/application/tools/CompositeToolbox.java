package dev.tasktalk.application.tools;

import dev.tasktalk.application.port.out.persistence.ToolCallRepository;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Several toolboxes as one: the task toolbox first, then any extra ones (such as the tools of
 * external MCP servers). {@link #specs()} concatenates theirs in order (when two share a name the
 * first wins); {@link #call} and {@link #describe} go to the toolbox whose specs hold the name, and
 * an unknown name is an error outcome, as in {@link TaskToolbox}. An extra toolbox that fails while
 * listing its specs is skipped (logged), never failing the others.
 *
 * <p>The first toolbox records its own calls; when built with a {@link ToolCallRepository}, calls
 * routed to the extra toolboxes are recorded here too, so every tool call still leaves a record.
 */
public final class CompositeToolbox implements Toolbox {

  private static final System.Logger LOG = System.getLogger(CompositeToolbox.class.getName());

  private final List<Toolbox> toolboxes;
  private final ToolCallRecorder recorder;

  /** The toolboxes in order; calls of the extras are not recorded here. */
  public CompositeToolbox(Toolbox first, List<? extends Toolbox> extras) {
    this(first, extras, null);
  }

  /**
   * The toolboxes in order; calls routed to the extras are recorded in {@code calls} (the first
   * toolbox is expected to record its own, as {@link TaskToolbox} does).
   */
  public CompositeToolbox(
      Toolbox first, List<? extends Toolbox> extras, ToolCallRepository calls, Clock clock) {
    this(
        first,
        extras,
        new ToolCallRecorder(
            Objects.requireNonNull(calls, "calls"), Objects.requireNonNull(clock, "clock")));
  }

  private CompositeToolbox(
      Toolbox first, List<? extends Toolbox> extras, ToolCallRecorder recorder) {
    List<Toolbox> all = new ArrayList<>();
    all.add(Objects.requireNonNull(first, "first"));
    Objects.requireNonNull(extras, "extras")
        .forEach(extra -> all.add(Objects.requireNonNull(extra, "extra")));
    this.toolboxes = List.copyOf(all);
    this.recorder = recorder;
  }

  @Override
  public List<ToolSpec> specs() {
    return List.copyOf(owners().values().stream().map(Owned::spec).toList());
  }

  @Override
  public ToolOutcome call(ToolContext context, String name, String arguments) {
    Map<String, Owned> owners = owners();
    Optional<Owned> owner = Optional.ofNullable(name == null ? null : owners.get(name));
    if (owner.isEmpty()) {
      return unknown(name, owners);
    }
    Toolbox toolbox = owner.get().toolbox();
    if (recorder == null || toolbox == toolboxes.get(0)) {
      return toolbox.call(context, name, arguments);
    }
    return recorder.recorded(
        context, name, arguments, () -> toolbox.call(context, name, arguments));
  }

  @Override
  public ToolOutcome describe(ToolContext context, String name, String arguments) {
    Map<String, Owned> owners = owners();
    Owned owner = name == null ? null : owners.get(name);
    return owner == null
        ? unknown(name, owners)
        : owner.toolbox().describe(context, name, arguments);
  }

  /**
   * Each tool name with its spec and the toolbox that has it, in order, the first toolbox winning a
   * tie.
   */
  private Map<String, Owned> owners() {
    Map<String, Owned> owners = new LinkedHashMap<>();
    for (Toolbox toolbox : toolboxes) {
      List<ToolSpec> specs;
      try {
        specs = toolbox.specs();
      } catch (RuntimeException e) {
        if (toolbox == toolboxes.get(0)) {
          throw e;
        }
        LOG.log(Level.WARNING, "skipping a toolbox whose tools could not be listed", e);
        continue;
      }
      for (ToolSpec spec : specs) {
        owners.putIfAbsent(spec.name(), new Owned(spec, toolbox));
      }
    }
    return owners;
  }

  private static ToolOutcome unknown(String name, Map<String, Owned> owners) {
    return new ToolOutcome(
        true,
        ToolJson.error(
            "unknown tool " + name + "; the tools are " + String.join(", ", owners.keySet())),
        "Couldn't run an unknown tool");
  }

  private record Owned(ToolSpec spec, Toolbox toolbox) {}
}
