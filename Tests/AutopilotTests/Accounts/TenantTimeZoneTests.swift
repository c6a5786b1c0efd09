import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// A tenant's time zone: UTC until it chooses an IANA zone; anything else refused naming `time_zone`.
@Suite struct TenantTimeZoneTests {
    @Test func sqlite() async throws {
        try await TestDatabases.withSQLite { try await Self.contract($0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres { try await Self.contract($0) }
    }

    static func contract(_ store: SQLStore) async throws {
        let fixture = try await AccountFixture.make(store)
        let tenants = fixture.tenants
        #expect(try await tenants.timeZoneIdentifier(tenantID: fixture.shop) == "UTC")
        #expect(try await tenants.timeZone(tenantID: fixture.shop).secondsFromGMT(for: Fixtures.now) == 0)
        try await tenants.setTimeZone(tenantID: fixture.shop, identifier: "Europe/Paris")
        let paris = try await tenants.timeZone(tenantID: fixture.shop)
        #expect(paris.identifier == "Europe/Paris" && paris.secondsFromGMT(for: Fixtures.now) == 3600)
        #expect(try await tenants.timeZoneIdentifier(tenantID: fixture.other) == "UTC", "the other tenant keeps its own")

        for bad in ["Europe/Atlantis", "", "GMT+5", "paris"] {
            let error = await #expect(throws: ValidationError.self) { try await tenants.setTimeZone(tenantID: fixture.shop, identifier: bad) }
            #expect(error?.field == "time_zone" && error?.code == "invalid_time_zone")
        }
        #expect(try await tenants.timeZone(tenantID: fixture.shop).identifier == "Europe/Paris", "a refused zone changes nothing")
        let unknown = await #expect(throws: ValidationError.self) { try await tenants.setTimeZone(tenantID: "tn_nobody", identifier: "UTC") }
        #expect(unknown?.field == "tenant_id")
        await #expect(throws: ValidationError.self) { _ = try await tenants.timeZone(tenantID: "tn_nobody") }
    }
}
