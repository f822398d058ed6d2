package org.nocturne.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The Flyway migrations build the same four tables on PostgreSQL and on H2 (local profile). */
class MigrationsTest {
  private static final List<String> TABLES = List.of("audit", "card", "feedback", "jti");

  @Test
  void migrationsCreateTheStateTablesOnPostgresql() {
    DataSource postgres = Postgres.shared().migratedDatabase();

    assertThat(tables(postgres)).containsExactlyElementsOf(TABLES);
  }

  @Test
  void theSameMigrationsRunOnH2InPostgresqlMode() {
    DataSource h2 =
        new DriverManagerDataSource(
            "jdbc:h2:mem:migrations;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "sa",
            "");
    Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();

    assertThat(tables(h2)).containsExactlyElementsOf(TABLES);
  }

  @Test
  void noColumnIsMadeForPatientDataOrFreeText() {
    DataSource postgres = Postgres.shared().migratedDatabase();

    List<String> columns =
        JdbcClient.create(postgres)
            .sql(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
                    + " AND table_name IN ('audit', 'card', 'feedback', 'jti')")
            .query(String.class)
            .list();

    assertThat(columns)
        .isNotEmpty()
        .noneMatch(
            column ->
                column.contains("patient")
                    || column.contains("comment")
                    || column.contains("context")
                    || column.contains("prefetch")
                    || column.contains("resource")
                    || column.contains("detail")
                    || column.contains("summary"));
  }

  private static List<String> tables(DataSource dataSource) {
    return JdbcClient.create(dataSource)
        .sql(
            "SELECT table_name FROM information_schema.tables WHERE LOWER(table_schema) = 'public'"
                + " AND table_name <> 'flyway_schema_history' ORDER BY table_name")
        .query(String.class)
        .list();
  }
}
