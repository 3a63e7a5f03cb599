package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A team member's email is unique within a merchant only (one merchant must not learn who works for another), and a
 * shopper token remembers its last use, so that it expires after a time without use; a merchant may name the sites
 * allowed to show its widget (space-separated origins; empty: every site).
 *
 * <p>In Java because the unique constraint V1 put on {@code team_member.email} has no name of ours: PostgreSQL
 * and H2 name it differently, so it is looked up in the information schema both share.
 */
public class V6__team_email_shopper_token_embed_origins extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            for (String constraint : uniqueConstraintsOnEmail(connection)) {
                sql.execute("alter table team_member drop constraint " + constraint);
            }
            sql.execute("alter table team_member add constraint team_member_merchant_email unique (merchant_id, email)");
            sql.execute("create index team_member_email on team_member (email)");
            sql.execute("alter table shopper add column token_used_at timestamp with time zone");
            sql.execute("update shopper set token_used_at = current_timestamp");
            sql.execute("alter table merchant add column embed_origins varchar(2000) default '' not null");
        }
    }

    private static List<String> uniqueConstraintsOnEmail(Connection connection) throws SQLException {
        String query = """
                select tc.constraint_name from information_schema.table_constraints tc
                join information_schema.key_column_usage k
                  on k.constraint_name = tc.constraint_name and k.table_name = tc.table_name
                 and k.constraint_schema = tc.constraint_schema
                where lower(tc.table_name) = 'team_member' and tc.constraint_type = 'UNIQUE'
                  and lower(k.column_name) = 'email' and tc.constraint_schema = current_schema
                """;
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(query); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                names.add('"' + rows.getString(1).replace("\"", "\"\"") + '"');
            }
        }
        return names;
    }
}
