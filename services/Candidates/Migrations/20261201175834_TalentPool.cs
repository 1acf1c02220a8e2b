using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace Nege.Candidates.Migrations
{
    /// <inheritdoc />
    public partial class TalentPool : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // French full text without accents: unaccent, then French stemming (the cards' vectors are generated from it).
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE TEXT SEARCH CONFIGURATION nege_french (COPY = pg_catalog.french);
                ALTER TEXT SEARCH CONFIGURATION nege_french ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
                """);

            migrationBuilder.CreateTable(
                name: "consent_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    given = table.Column<bool>(type: "boolean", nullable: false),
                    notice_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    by_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    by_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    by_name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    how = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_records", x => x.id);
                    table.ForeignKey(
                        name: "FK_consent_records_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "member_organisations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    current = table.Column<bool>(type: "boolean", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_organisations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "talent_cards",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    target_jobs = table.Column<List<string>>(type: "text[]", nullable: false),
                    skills = table.Column<string>(type: "jsonb", nullable: false),
                    soft_skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    experience_years = table.Column<int>(type: "integer", nullable: true),
                    qualification_level = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    qualification_rank = table.Column<int>(type: "integer", nullable: false),
                    territory = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    departements = table.Column<List<string>>(type: "text[]", nullable: false),
                    maximum_distance_km = table.Column<int>(type: "integer", nullable: true),
                    contract_types = table.Column<List<string>>(type: "text[]", nullable: false),
                    available_from = table.Column<DateOnly>(type: "date", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    skill_keys = table.Column<List<string>>(type: "text[]", nullable: false),
                    jobs_text = table.Column<string>(type: "text", nullable: false),
                    skills_text = table.Column<string>(type: "text", nullable: false),
                    summary_text = table.Column<string>(type: "text", nullable: false),
                    search = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false, computedColumnSql: "setweight(to_tsvector('nege_french', jobs_text), 'A') || setweight(to_tsvector('nege_french', skills_text), 'B') || setweight(to_tsvector('nege_french', summary_text), 'C')", stored: true),
                    jobs_search = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false, computedColumnSql: "to_tsvector('nege_french', jobs_text)", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_talent_cards", x => x.id);
                    table.ForeignKey(
                        name: "FK_talent_cards_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_consent_records_dossier_id_kind_id",
                table: "consent_records",
                columns: new[] { "dossier_id", "kind", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_talent_cards_contract_types",
                table: "talent_cards",
                column: "contract_types")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_talent_cards_departements",
                table: "talent_cards",
                column: "departements")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_talent_cards_dossier_id",
                table: "talent_cards",
                column: "dossier_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_talent_cards_jobs_search",
                table: "talent_cards",
                column: "jobs_search")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_talent_cards_search",
                table: "talent_cards",
                column: "search")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_talent_cards_skill_keys",
                table: "talent_cards",
                column: "skill_keys")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_talent_cards_status_published_at",
                table: "talent_cards",
                columns: new[] { "status", "published_at" });

            // A card's status is its dossier's, whatever moves the dossier: the pool never shows a card whose dossier left it.
            migrationBuilder.Sql("""
                CREATE FUNCTION talent_cards_follow_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE talent_cards SET status = NEW.status WHERE dossier_id = NEW.id AND status IS DISTINCT FROM NEW.status;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER talent_cards_follow_dossier AFTER UPDATE OF status ON dossiers
                    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION talent_cards_follow_dossier();
                """);

            // The consent ledger is append-only while its dossier exists: only the dossier's erasure removes its lines.
            migrationBuilder.Sql("""
                CREATE FUNCTION consent_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM dossiers WHERE id = OLD.dossier_id) THEN
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION 'consent_records is append-only';
                END $$;
                CREATE TRIGGER consent_records_append_only BEFORE UPDATE OR DELETE ON consent_records
                    FOR EACH ROW EXECUTE FUNCTION consent_records_append_only();
                CREATE TRIGGER consent_records_no_truncate BEFORE TRUNCATE ON consent_records
                    FOR EACH STATEMENT EXECUTE FUNCTION consent_records_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS consent_records_no_truncate ON consent_records;
                DROP TRIGGER IF EXISTS consent_records_append_only ON consent_records;
                DROP FUNCTION IF EXISTS consent_records_append_only();
                DROP TRIGGER IF EXISTS talent_cards_follow_dossier ON dossiers;
                DROP FUNCTION IF EXISTS talent_cards_follow_dossier();
                """);
            migrationBuilder.DropTable(
                name: "consent_records");

            migrationBuilder.DropTable(
                name: "member_organisations");

            migrationBuilder.DropTable(
                name: "talent_cards");

            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS nege_french;");
        }
    }
}
