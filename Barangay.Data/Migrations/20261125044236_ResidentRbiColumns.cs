using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Barangay.Data.Migrations
{
    /// <inheritdoc />
    public partial class ResidentRbiColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "citizenship",
                table: "residents",
                type: "text",
                nullable: true,
                defaultValue: "Filipino");

            migrationBuilder.AddColumn<string>(
                name: "disability_type",
                table: "residents",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_employed",
                table: "residents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "is_four_ps",
                table: "residents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "is_indigenous",
                table: "residents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "is_ofw",
                table: "residents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "is_out_of_school_youth",
                table: "residents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "is_pwd",
                table: "residents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "is_registered_voter",
                table: "residents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "is_solo_parent",
                table: "residents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "name_extension",
                table: "residents",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "place_of_birth",
                table: "residents",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "search_first",
                table: "residents",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "search_last",
                table: "residents",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "search_name",
                table: "residents",
                type: "text",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "citizenship",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "disability_type",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "is_employed",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "is_four_ps",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "is_indigenous",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "is_ofw",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "is_out_of_school_youth",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "is_pwd",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "is_registered_voter",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "is_solo_parent",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "name_extension",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "place_of_birth",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "search_first",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "search_last",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "search_name",
                table: "residents");
        }
    }
}
