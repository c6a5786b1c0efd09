import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Dashboard — what people typed is shown, never run")
struct EscapingTests {
    @Test func pagesCarryAStrictPolicyAndNoInlineScript() async throws {
        let harness = try await DashboardHarness.make()
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            try await browser.signIn("owner@a.example")
            for path in DashboardRoutesInventory.listPages {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                let policy = try #require(page.headers[.contentSecurityPolicy], "\(path)")
                #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), "\(path)")
                #expect(!page.body.contains("<script>"), "\(path) has an inline script")
                #expect(!page.body.contains(DashboardHistory.scriptName), "\(path) shows markup unescaped")
                #expect(!page.body.contains(" style=\""), "\(path) has an inline style the policy would block")
                #expect(!page.body.contains(" onclick="), "\(path)")
            }
        }
    }
}
