package org.nocturne.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * One PostgreSQL statement for a whole batch: each parameter an array holding one column of every
 * row ({@code unnest(?::text[], …)}), and the rows it returns ({@code RETURNING}). One execution
 * instead of one per row (issue 30); PostgreSQL only.
 */
final class ArrayStatement {
  /** One column of the batch: its SQL element type ({@code text}, {@code boolean}) and values. */
  record Column(String type, Object[] values) {
    static Column text(String[] values) {
      return new Column("text", values);
    }
  }

  private ArrayStatement() {}

  /**
   * Runs {@code sql} with the columns as its parameters, in order, on the connection of the current
   * transaction if there is one, and returns its rows.
   */
  static <T> Set<T> returning(
      JdbcTemplate jdbc, String sql, List<Column> columns, RowMapper<T> row) {
    return jdbc.execute(
        (Connection connection) -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < columns.size(); i++) {
              Column column = columns.get(i);
              statement.setArray(i + 1, connection.createArrayOf(column.type(), column.values()));
            }
            Set<T> returned = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
              for (int n = 0; rows.next(); n++) {
                returned.add(row.mapRow(rows, n));
              }
            }
            return returned;
          }
        });
  }
}
