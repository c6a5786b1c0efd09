import Foundation
import Testing

/// openapi.yaml is the truth: schemathesis (PyPI, pinned in .ci/run) runs every check against a real `autopilot serve` on
/// SQLite and on PostgreSQL, with a tenant that has data, and any finding fails the test with schemathesis' own report.
/// Skipped when schemathesis or the binary is missing — unless AUTOPILOT_REQUIRE_SCHEMATHESIS=1 (CI), then it fails.
/// How to run it by hand: docs/api.md, "Checking the API against openapi.yaml".
@Suite("OpenAPI — schemathesis against the real server")
struct SchemathesisTests {
    @Test(.enabled(if: SchemathesisRun.usable, SchemathesisRun.skipReason), .timeLimit(.minutes(20)))
    func theServerOnSQLiteAnswersAsOpenAPISays() async throws {
        try #require(SchemathesisRun.missing.isEmpty, "AUTOPILOT_REQUIRE_SCHEMATHESIS=1 but missing: \(SchemathesisRun.missing.joined(separator: ", "))")
        let directory = try SchemathesisRun.scratchDirectory()
        defer { SchemathesisRun.remove(directory) }
        let result = try await SchemathesisRun.check(database: directory.appendingPathComponent("shop.sqlite").path, directory: directory)
        #expect(result.status == 0, "schemathesis found differences between openapi.yaml and the server on SQLite:\n\(result.report)")
    }

    @Test(.enabled(if: SchemathesisRun.usable, SchemathesisRun.skipReason), .timeLimit(.minutes(20)))
    func theServerOnPostgreSQLAnswersAsOpenAPISays() async throws {
        try #require(SchemathesisRun.missing.isEmpty, "AUTOPILOT_REQUIRE_SCHEMATHESIS=1 but missing: \(SchemathesisRun.missing.joined(separator: ", "))")
        guard let url = try await SchemathesisRun.freshPostgresDatabase() else {
            print("schemathesis on PostgreSQL skipped: set AUTOPILOT_TEST_POSTGRES_URL to run it")
            return
        }
        let directory = try SchemathesisRun.scratchDirectory()
        defer { SchemathesisRun.remove(directory) }
        let result = try await SchemathesisRun.check(database: url, directory: directory)
        #expect(result.status == 0, "schemathesis found differences between openapi.yaml and the server on PostgreSQL:\n\(result.report)")
    }
}
