package dev.tasktalk.adapter.out.llm.offline;

import java.util.List;

/** What the user asked for, as the offline model understood it. Null members were not mentioned. */
sealed interface Intent {

  record Add(String title, String description, String priority, String due, List<String> tags)
      implements Intent {

    public Add {
      tags = List.copyOf(tags);
    }
  }

  /** {@code dueBefore} is exclusive, as the list tool reads it. */
  record ListTasks(String status, String priority, String tag, String dueBefore)
      implements Intent {}

  record Search(String query) implements Intent {}

  /** An intent acting on one existing task, found by searching for its {@link Target}. */
  sealed interface Targeted extends Intent {

    Target target();

    Targeted retarget(Target target);
  }

  record Complete(Target target) implements Targeted {

    @Override
    public Targeted retarget(Target target) {
      return new Complete(target);
    }
  }

  record Delete(Target target) implements Targeted {

    @Override
    public Targeted retarget(Target target) {
      return new Delete(target);
    }
  }

  /** New values for the task; at least one of them is set. */
  record Update(Target target, String title, String priority, String due) implements Targeted {

    @Override
    public Targeted retarget(Target target) {
      return new Update(target, title, priority, due);
    }
  }

  /**
   * Nothing to do but answer with {@code text}: thanks, or a request that cannot be acted on as
   * said.
   */
  record Say(String text) implements Intent {}

  record Help() implements Intent {}
}
