using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nege.Candidates.Migrations
{
    /// <inheritdoc />
    public partial class TalentPoolVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The pool's version: every change of a card moves it, in the change's own transaction, so that the
            // searches' cache (TalentSearchCache) never serves a page older than a committed change.
            migrationBuilder.Sql("""
                CREATE TABLE talent_pool_version (id integer PRIMARY KEY CHECK (id = 1), version bigint NOT NULL);
                INSERT INTO talent_pool_version (id, version) VALUES (1, 1);
                CREATE FUNCTION talent_pool_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE talent_pool_version SET version = version + 1 WHERE id = 1;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER talent_pool_changed AFTER INSERT OR UPDATE OR DELETE ON talent_cards
                    FOR EACH ROW EXECUTE FUNCTION talent_pool_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER talent_pool_changed ON talent_cards;
                DROP FUNCTION talent_pool_changed();
                DROP TABLE talent_pool_version;
                """);
        }
    }
}
