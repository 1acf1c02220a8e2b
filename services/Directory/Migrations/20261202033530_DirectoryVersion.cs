using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nege.Directory.Migrations
{
    /// <inheritdoc />
    public partial class DirectoryVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The directory's version: every change of an organisation moves it, in the change's own transaction, so that
            // the searches' cache (DirectorySearchCache) never serves a page older than a committed change.
            migrationBuilder.Sql("""
                CREATE TABLE directory_version (id integer PRIMARY KEY CHECK (id = 1), version bigint NOT NULL);
                INSERT INTO directory_version (id, version) VALUES (1, 1);
                CREATE FUNCTION directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE directory_version SET version = version + 1 WHERE id = 1;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER directory_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisations
                    FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
                """);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER directory_changed ON organisations;
                DROP FUNCTION directory_changed();
                DROP TABLE directory_version;
                """);

        }
    }
}
