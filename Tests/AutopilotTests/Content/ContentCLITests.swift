import AutopilotCore
import Foundation
import Storage
import Testing

/// The real `autopilot` binary (built by `swift build`): `content blog --json` and `report weekly --json` print the
/// documented objects, offline.
@Suite("Content — the command line", .enabled(if: ServeProcess.executable != nil, "build the package first: .build/debug/autopilot"))
struct ContentCLITests {
    static func database() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("content-cli-\(UUID().uuidString).sqlite").path
    }

    @Test func blogJSONHasTheDocumentedFields() throws {
        let database = Self.database()
        defer { TestDatabases.removeFiles(of: database) }
        let output = try ServeProcess.run([
            "content", "blog", "--topic", "Customer reviews", "--language", "en", "--keywords", "Google reviews, trust", "--framework", "FAB",
            "--agentic", "--json", "--database", database,
        ])
        let article = try JSONParser.parse(output)
        for field in ["title", "meta_description", "markdown", "html", "provider", "model", "critiques"] {
            #expect(article[field] != nil, "\(field)")
        }
        #expect(article["provider"] == "offline" && article["framework"] == "FAB")
        #expect((article["meta_description"]?.stringValue?.count ?? 999) <= 155)
        #expect(article["markdown"]?.stringValue?.contains("Google reviews") == true)
    }

    @Test func publishingWithoutSettingsStillPrintsTheArticle() async throws {
        let database = Self.database()
        defer { TestDatabases.removeFiles(of: database) }
        let tenant = try JSONParser.parse(try ServeProcess.run(["tenants", "create", "CLI shop", "--database", database, "--json"]))
        let output = try ServeProcess.run(["content", "blog", "--topic", "Fidélité", "--publish", "--json", "--database", database])
        let article = try JSONParser.parse(output)
        #expect(article["title"]?.stringValue?.isEmpty == false)
        let publication = try #require(article["publications"]?[0])
        #expect(publication["platform"] == "wordpress" && publication["ok"] == false)
        #expect(publication["error"]?["code"] == "configuration")
        // Who wrote it, and that publishing failed, is kept with the tenant's generated texts.
        let store = SQLStore(database: try SQLiteDatabase(path: database))
        let tenantID = try #require(tenant["tenant_id"]?.stringValue ?? tenant["id"]?.stringValue)
        let id = try #require(article["id"]?.stringValue)
        let written = try #require(try await store.generatedText(subject: "blog:\(id)", tenantID: tenantID))
        #expect(written.provider == "offline" && written.details["publications"]?[0]?["ok"] == false)
    }

    @Test func weeklyReportJSON() throws {
        let database = Self.database()
        defer { TestDatabases.removeFiles(of: database) }
        _ = try ServeProcess.run(["tenants", "create", "CLI shop", "--database", database, "--json"])
        let report = try JSONParser.parse(
            try ServeProcess.run(["report", "weekly", "--week-ending", "2026-03-08", "--language", "en", "--json", "--database", database]))
        #expect(report["week"]?["first_day"] == "2026-03-02" && report["provider"] == "offline")
        #expect(report["flows"]?.arrayValue?.isEmpty == false && report["summary"]?["executive_summary"]?.stringValue?.isEmpty == false)
    }
}
