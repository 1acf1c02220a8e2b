using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nege.Billing.Migrations
{
    /// <inheritdoc />
    public partial class FeeGridsAndCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "document_sequences",
                columns: table => new
                {
                    series = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_sequences", x => new { x.series, x.year });
                });

            migrationBuilder.CreateTable(
                name: "fee_grids",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    first_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fee_grids", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "members",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    category = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    regional_head_office = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    digital_sector = table.Column<bool>(type: "boolean", nullable: false),
                    perimeter_alsace = table.Column<int>(type: "integer", nullable: false),
                    perimeter_champagne_ardenne = table.Column<int>(type: "integer", nullable: false),
                    perimeter_lorraine = table.Column<int>(type: "integer", nullable: false),
                    affiliation_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    affiliated = table.Column<bool>(type: "boolean", nullable: false),
                    startup_creation_date = table.Column<DateOnly>(type: "date", nullable: true),
                    startup_headcount = table.Column<int>(type: "integer", nullable: true),
                    startup_turnover_band = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    startup_pack = table.Column<bool>(type: "boolean", nullable: false),
                    referent_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    referent_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    referent_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    agreed_fee_cents = table.Column<long>(type: "bigint", nullable: true),
                    member_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_members", x => x.organisation_id);
                });

            migrationBuilder.CreateTable(
                name: "fee_calls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    category = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    territories = table.Column<List<string>>(type: "text[]", nullable: false),
                    referent_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    referent_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    computation = table.Column<string>(type: "jsonb", nullable: false),
                    amount_cents = table.Column<long>(type: "bigint", nullable: false),
                    paid_cents = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    pdf = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fee_calls", x => x.id);
                    table.CheckConstraint("ck_fee_calls_paid", "paid_cents >= 0 AND paid_cents <= amount_cents");
                    table.ForeignKey(
                        name: "FK_fee_calls_members_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "members",
                        principalColumn: "organisation_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "credit_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    fee_call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_cents = table.Column<long>(type: "bigint", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    issued_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    pdf = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_notes", x => x.id);
                    table.ForeignKey(
                        name: "FK_credit_notes_fee_calls_fee_call_id",
                        column: x => x.fee_call_id,
                        principalTable: "fee_calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "fee_grids",
                columns: new[] { "year", "content", "created_at", "first_used_at", "updated_at" },
                values: new object[] { 2019, "{\"digitalSector\":[{\"from\":0,\"to\":9,\"label\":\"\\u003C 10\",\"standardCents\":19200,\"affiliatedCents\":9600},{\"from\":10,\"to\":24,\"label\":\"10 \\u00E0 24\",\"standardCents\":38400,\"affiliatedCents\":19200},{\"from\":25,\"to\":50,\"label\":\"25 \\u00E0 50\",\"standardCents\":67200,\"affiliatedCents\":33600},{\"from\":51,\"to\":100,\"label\":\"51 \\u00E0 100\",\"standardCents\":115200,\"affiliatedCents\":57600},{\"from\":101,\"to\":250,\"label\":\"De 101 \\u00E0 250\",\"standardCents\":182400,\"affiliatedCents\":91200},{\"from\":251,\"to\":500,\"label\":\"De 251 \\u00E0 500\",\"standardCents\":330000,\"affiliatedCents\":165000},{\"from\":501,\"to\":1000,\"label\":\"501 \\u00E0 1000\",\"standardCents\":600000,\"affiliatedCents\":300000},{\"from\":1001,\"to\":null,\"label\":\"Plus de 1000\",\"standardCents\":1200000,\"affiliatedCents\":600000}],\"otherSectors\":[{\"from\":0,\"to\":9,\"label\":\"\\u003C 10\",\"standardCents\":38400,\"affiliatedCents\":19200},{\"from\":10,\"to\":24,\"label\":\"10 \\u00E0 24\",\"standardCents\":76800,\"affiliatedCents\":38400},{\"from\":25,\"to\":50,\"label\":\"25 \\u00E0 50\",\"standardCents\":134400,\"affiliatedCents\":67200},{\"from\":51,\"to\":100,\"label\":\"51 \\u00E0 100\",\"standardCents\":230400,\"affiliatedCents\":115200},{\"from\":101,\"to\":250,\"label\":\"De 101 \\u00E0 250\",\"standardCents\":364800,\"affiliatedCents\":182400},{\"from\":251,\"to\":500,\"label\":\"De 251 \\u00E0 500\",\"standardCents\":660000,\"affiliatedCents\":330000},{\"from\":501,\"to\":1000,\"label\":\"501 \\u00E0 1000\",\"standardCents\":1200000,\"affiliatedCents\":600000},{\"from\":1001,\"to\":null,\"label\":\"Plus de 1000\",\"standardCents\":2400000,\"affiliatedCents\":1200000}],\"startup\":{\"standardCents\":12000,\"affiliatedCents\":6000,\"affiliatedWithStartupPackCents\":0}}", new DateTimeOffset(new DateTime(2019, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 1, 0, 0, 0)), null, null });

            migrationBuilder.CreateIndex(
                name: "IX_credit_notes_fee_call_id",
                table: "credit_notes",
                column: "fee_call_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_credit_notes_number",
                table: "credit_notes",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fee_calls_number",
                table: "fee_calls",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fee_calls_organisation_id_year",
                table: "fee_calls",
                columns: new[] { "organisation_id", "year" },
                unique: true,
                filter: "status <> 'Cancelled'");

            // What an auditor relies on, kept by the database itself: issued documents are never deleted and never
            // rewritten, and a grid that has served is never changed.
            migrationBuilder.Sql("""
                CREATE FUNCTION billing_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is never deleted: cancel it with a credit note', TG_TABLE_NAME;
                END $$;

                CREATE TRIGGER fee_calls_never_deleted BEFORE DELETE ON fee_calls FOR EACH ROW EXECUTE FUNCTION billing_refuse_delete();
                CREATE TRIGGER credit_notes_never_deleted BEFORE DELETE ON credit_notes FOR EACH ROW EXECUTE FUNCTION billing_refuse_delete();

                CREATE FUNCTION billing_fee_call_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.number IS DISTINCT FROM OLD.number OR NEW.year IS DISTINCT FROM OLD.year
                       OR NEW.organisation_id IS DISTINCT FROM OLD.organisation_id OR NEW.amount_cents IS DISTINCT FROM OLD.amount_cents
                       OR NEW.computation IS DISTINCT FROM OLD.computation OR NEW.pdf IS DISTINCT FROM OLD.pdf
                       OR NEW.issued_at IS DISTINCT FROM OLD.issued_at OR NEW.due_on IS DISTINCT FROM OLD.due_on THEN
                        RAISE EXCEPTION 'fee call % is issued: its number, amount, computation and PDF never change', OLD.number;
                    END IF;
                    RETURN NEW;
                END $$;

                CREATE TRIGGER fee_calls_frozen BEFORE UPDATE ON fee_calls FOR EACH ROW EXECUTE FUNCTION billing_fee_call_frozen();

                CREATE FUNCTION billing_credit_note_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'credit note % is issued: it never changes', OLD.number;
                END $$;

                CREATE TRIGGER credit_notes_frozen BEFORE UPDATE ON credit_notes FOR EACH ROW EXECUTE FUNCTION billing_credit_note_frozen();

                CREATE FUNCTION billing_grid_in_use() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF OLD.first_used_at IS NOT NULL AND NEW.content IS DISTINCT FROM OLD.content THEN
                        RAISE EXCEPTION 'fee grid % has served for fee calls: it never changes', OLD.year;
                    END IF;
                    RETURN NEW;
                END $$;

                CREATE TRIGGER fee_grids_in_use BEFORE UPDATE OR DELETE ON fee_grids FOR EACH ROW
                    WHEN (OLD.first_used_at IS NOT NULL) EXECUTE FUNCTION billing_grid_in_use();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS billing_refuse_delete() CASCADE;
                DROP FUNCTION IF EXISTS billing_fee_call_frozen() CASCADE;
                DROP FUNCTION IF EXISTS billing_credit_note_frozen() CASCADE;
                DROP FUNCTION IF EXISTS billing_grid_in_use() CASCADE;
                """);

            migrationBuilder.DropTable(
                name: "credit_notes");

            migrationBuilder.DropTable(
                name: "document_sequences");

            migrationBuilder.DropTable(
                name: "fee_grids");

            migrationBuilder.DropTable(
                name: "fee_calls");

            migrationBuilder.DropTable(
                name: "members");
        }
    }
}
