package dev.tasktalk.adapter.out.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Array;
import java.sql.SQLException;
import java.util.List;

/**
 * Stores a task's tags in a PostgreSQL {@code text[]} column. The driver binds a {@code String[]}
 * as an array and reads the column back as a {@link java.sql.Array}; JPA itself knows no array
 * types. Public because the persistence provider instantiates it.
 */
@Converter
public class TagsConverter implements AttributeConverter<List<String>, Object> {

  @Override
  public Object convertToDatabaseColumn(List<String> tags) {
    return tags == null ? new String[0] : tags.toArray(String[]::new);
  }

  @Override
  public List<String> convertToEntityAttribute(Object column) {
    if (column == null) {
      return List.of();
    }
    if (column instanceof Array array) {
      try {
        return List.of((String[]) array.getArray());
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the tags column", e);
      }
    }
    if (column instanceof String[] values) {
      return List.of(values);
    }
    throw new IllegalStateException("unexpected tags column value: " + column.getClass().getName());
  }
}
