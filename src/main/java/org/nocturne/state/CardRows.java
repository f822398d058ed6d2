package org.nocturne.state;

import static org.nocturne.state.JdbcReplayGuard.utc;

import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Inserts the card rows of a batch of calls and tells which were new (a card resent with its
 * hookInstance is a row already there). On PostgreSQL the whole batch is one statement ({@code
 * unnest} of arrays, {@code RETURNING} the new uuids): tens of calls' cards cost one execution
 * instead of one each (issue 30). Other databases (the local profile's H2) take a JDBC batch of one
 * insert per card, whose counts say the same.
 */
final class CardRows {
  /** One card's row, its values already bounded to the columns. */
  record Row(
      String uuid,
      String service,
      String system,
      String code,
      String indicator,
      String reasons,
      Instant at,
      String disposition,
      boolean suggestion) {}

  private static final String INSERT =
      "INSERT INTO card (uuid, service_id, topic_system, topic_code, indicator, override_reasons,"
          + " shown_at, disposition, suggestion) VALUES (:uuid, :service, :system, :code,"
          + " :indicator, :reasons, :at, :disposition, :suggestion) ON CONFLICT DO NOTHING";

  private static final String INSERT_ALL =
      "INSERT INTO card (uuid, service_id, topic_system, topic_code, indicator, override_reasons,"
          + " shown_at, disposition, suggestion)"
          + " SELECT u, s, ts, tc, i, r, a::timestamptz, d, g FROM unnest(?::text[], ?::text[],"
          + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[])"
          + " AS c(u, s, ts, tc, i, r, a, d, g) ON CONFLICT DO NOTHING RETURNING uuid";

  private final NamedParameterJdbcTemplate jdbc;
  private final boolean postgresql;

  CardRows(NamedParameterJdbcTemplate jdbc, boolean postgresql) {
    this.jdbc = jdbc;
    this.postgresql = postgresql;
  }

  /** Per row, whether it was new: the first of several rows with one uuid is the one that is. */
  boolean[] insert(List<Row> rows) {
    if (rows.isEmpty()) {
      return new boolean[0];
    }
    return postgresql ? insertAll(rows) : insertEach(rows);
  }

  private boolean[] insertEach(List<Row> rows) {
    int[] counts =
        jdbc.batchUpdate(
            INSERT, rows.stream().map(CardRows::parameters).toArray(SqlParameterSource[]::new));
    boolean[] inserted = new boolean[rows.size()];
    for (int k = 0; k < counts.length; k++) {
      // a driver that rewrites batches (reWriteBatchedInserts) reports no count: taken as new
      inserted[k] = counts[k] == 1 || counts[k] == Statement.SUCCESS_NO_INFO;
    }
    return inserted;
  }

  private boolean[] insertAll(List<Row> rows) {
    int n = rows.size();
    String[][] text = new String[8][n];
    Boolean[] suggestion = new Boolean[n];
    for (int k = 0; k < n; k++) {
      Row row = rows.get(k);
      text[0][k] = row.uuid();
      text[1][k] = row.service();
      text[2][k] = row.system();
      text[3][k] = row.code();
      text[4][k] = row.indicator();
      text[5][k] = row.reasons();
      text[6][k] = row.at().toString();
      text[7][k] = row.disposition();
      suggestion[k] = row.suggestion();
    }
    List<ArrayStatement.Column> columns = new ArrayList<>();
    for (String[] column : text) {
      columns.add(ArrayStatement.Column.text(column));
    }
    columns.add(new ArrayStatement.Column("boolean", suggestion));
    Set<String> fresh =
        ArrayStatement.returning(
            jdbc.getJdbcTemplate(), INSERT_ALL, columns, (row, k) -> row.getString(1));
    boolean[] inserted = new boolean[n];
    for (int k = 0; k < n; k++) {
      inserted[k] = fresh.remove(rows.get(k).uuid());
    }
    return inserted;
  }

  private static SqlParameterSource parameters(Row row) {
    return new MapSqlParameterSource()
        .addValue("uuid", row.uuid())
        .addValue("service", row.service())
        .addValue("system", row.system())
        .addValue("code", row.code())
        .addValue("indicator", row.indicator())
        .addValue("reasons", row.reasons())
        .addValue("at", utc(row.at()))
        .addValue("disposition", row.disposition())
        .addValue("suggestion", row.suggestion());
  }
}
