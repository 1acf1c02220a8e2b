using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nege.Billing.Migrations
{
    /// <inheritdoc />
    public partial class Payments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "lapsed_at",
                table: "members",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "caused_lapse",
                table: "fee_calls",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "reminders_sent",
                table: "fee_calls",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    fee_call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_cents = table.Column<long>(type: "bigint", nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: false),
                    method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments", x => x.id);
                    table.CheckConstraint("ck_payments_amount", "amount_cents > 0");
                    table.ForeignKey(
                        name: "FK_payments_fee_calls_fee_call_id",
                        column: x => x.fee_call_id,
                        principalTable: "fee_calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "receipts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    fee_call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    pdf = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_receipts", x => x.id);
                    table.ForeignKey(
                        name: "FK_receipts_fee_calls_fee_call_id",
                        column: x => x.fee_call_id,
                        principalTable: "fee_calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_payments_fee_call_id",
                table: "payments",
                column: "fee_call_id");

            migrationBuilder.CreateIndex(
                name: "IX_receipts_fee_call_id",
                table: "receipts",
                column: "fee_call_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_receipts_number",
                table: "receipts",
                column: "number",
                unique: true);

            // Payments and receipts are the fee calls' proof: never deleted, never rewritten.
            migrationBuilder.Sql("""
                CREATE TRIGGER payments_never_deleted BEFORE DELETE ON payments FOR EACH ROW EXECUTE FUNCTION billing_refuse_delete();
                CREATE TRIGGER receipts_never_deleted BEFORE DELETE ON receipts FOR EACH ROW EXECUTE FUNCTION billing_refuse_delete();

                CREATE FUNCTION billing_document_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% row % is recorded: it never changes', TG_TABLE_NAME, OLD.id;
                END $$;

                CREATE TRIGGER payments_frozen BEFORE UPDATE ON payments FOR EACH ROW EXECUTE FUNCTION billing_document_frozen();
                CREATE TRIGGER receipts_frozen BEFORE UPDATE ON receipts FOR EACH ROW EXECUTE FUNCTION billing_document_frozen();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS billing_document_frozen() CASCADE;");

            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropTable(
                name: "receipts");

            migrationBuilder.DropColumn(
                name: "lapsed_at",
                table: "members");

            migrationBuilder.DropColumn(
                name: "caused_lapse",
                table: "fee_calls");

            migrationBuilder.DropColumn(
                name: "reminders_sent",
                table: "fee_calls");
        }
    }
}
