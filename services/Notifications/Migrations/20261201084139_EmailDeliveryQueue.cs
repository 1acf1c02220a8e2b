using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nege.Notifications.Migrations
{
    /// <inheritdoc />
    public partial class EmailDeliveryQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "sent_at",
                table: "email_deliveries",
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone");

            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "email_deliveries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "created_at",
                table: "email_deliveries",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "html_body",
                table: "email_deliveries",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "last_error",
                table: "email_deliveries",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "message_id_header",
                table: "email_deliveries",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "next_attempt_at",
                table: "email_deliveries",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "recipient_name",
                table: "email_deliveries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "state",
                table: "email_deliveries",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "text_body",
                table: "email_deliveries",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "trace_parent",
                table: "email_deliveries",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "trace_state",
                table: "email_deliveries",
                type: "character varying(512)",
                maxLength: 512,
                nullable: true);

            // Rows from before this migration were sent inside the consume: sent, in one attempt. Their real
            // Message-ID was not kept; each gets a unique placeholder so that the column can be unique.
            migrationBuilder.Sql(
                """
                UPDATE email_deliveries
                SET state = 'Sent', attempts = 1, created_at = sent_at, next_attempt_at = sent_at,
                    message_id_header = replace(id::text, '-', '') || '@before-delivery-queue.invalid'
                """);

            migrationBuilder.CreateIndex(
                name: "IX_email_deliveries_causation_message_id_template",
                table: "email_deliveries",
                columns: new[] { "causation_message_id", "template" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_email_deliveries_message_id_header",
                table: "email_deliveries",
                column: "message_id_header",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_email_deliveries_pending",
                table: "email_deliveries",
                columns: new[] { "next_attempt_at", "id" },
                filter: "state = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_email_deliveries_causation_message_id_template",
                table: "email_deliveries");

            migrationBuilder.DropIndex(
                name: "IX_email_deliveries_message_id_header",
                table: "email_deliveries");

            migrationBuilder.DropIndex(
                name: "ix_email_deliveries_pending",
                table: "email_deliveries");

            migrationBuilder.DropColumn(
                name: "attempts",
                table: "email_deliveries");

            migrationBuilder.DropColumn(
                name: "created_at",
                table: "email_deliveries");

            migrationBuilder.DropColumn(
                name: "html_body",
                table: "email_deliveries");

            migrationBuilder.DropColumn(
                name: "last_error",
                table: "email_deliveries");

            migrationBuilder.DropColumn(
                name: "message_id_header",
                table: "email_deliveries");

            migrationBuilder.DropColumn(
                name: "next_attempt_at",
                table: "email_deliveries");

            migrationBuilder.DropColumn(
                name: "recipient_name",
                table: "email_deliveries");

            migrationBuilder.DropColumn(
                name: "state",
                table: "email_deliveries");

            migrationBuilder.DropColumn(
                name: "text_body",
                table: "email_deliveries");

            migrationBuilder.DropColumn(
                name: "trace_parent",
                table: "email_deliveries");

            migrationBuilder.DropColumn(
                name: "trace_state",
                table: "email_deliveries");

            // The old table logs sent e-mails only.
            migrationBuilder.Sql("DELETE FROM email_deliveries WHERE sent_at IS NULL");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "sent_at",
                table: "email_deliveries",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone",
                oldNullable: true);
        }
    }
}
