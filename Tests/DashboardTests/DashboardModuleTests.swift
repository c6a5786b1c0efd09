import Testing

@testable import Dashboard

@Suite struct DashboardModuleTests {
    @Test func moduleLinks() {
        #expect(String(describing: Dashboard.self) == "Dashboard")
    }
}
