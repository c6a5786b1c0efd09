import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Dashboard — signing in, sessions, CSRF and roles")
struct SignInTests {
    @Test func signedOutVisitorsAreSentToTheSignInForm() async throws {
        let harness = try await DashboardHarness.make(history: false)
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            let home = try await browser.get("/reports?week=2026-03-08")
            #expect(home.status == .seeOther)
            #expect(home.location == "/login?next=/reports%3Fweek%3D2026-03-08")
            let form = try await browser.get("/login")
            #expect(form.status == .ok)
            for field in ["name=\"email\"", "name=\"password\"", "name=\"csrf_token\""] { #expect(form.body.contains(field)) }
            #expect(form.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
        }
    }

    @Test func aRightPasswordOpensASessionCookieThatScriptsCannotRead() async throws {
        let harness = try await DashboardHarness.make(history: false)
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            let form = try await browser.get("/login")
            let token = try form.csrfToken()
            let answer = try await browser.post(
                "/login", [("csrf_token", token), ("email", "owner@a.example"), ("password", DashboardHarness.password)])
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/")
            let cookie = try #require(answer.headers[values: .setCookie].first { $0.hasPrefix("ap_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.contains("owner@a.example"))
            #expect(home.body.contains("Aujourd'hui") || home.body.contains("Aujourd&#39;hui"))
        }
    }

    @Test func aWrongPasswordIsRefusedAndRepeatedFailuresAreThrottled() async throws {
        let harness = try await DashboardHarness.make(history: false)
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<6 {
                let answer = try await browser.signIn("owner@a.example", password: "not the password")
                statuses.append(answer.status)
            }
            #expect(statuses.first == .unauthorized)
            #expect(statuses.last == .tooManyRequests)
            let throttled = try await browser.signIn("owner@a.example")
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.headers[.retryAfter] != nil)
            #expect(browser.cookies["ap_session"] == nil)
        }
    }

    @Test func theSignInFormNeedsItsCSRFToken() async throws {
        let harness = try await DashboardHarness.make(history: false)
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            _ = try await browser.get("/login")
            let forged = try await browser.post(
                "/login", [("csrf_token", "forged"), ("email", "owner@a.example"), ("password", DashboardHarness.password)])
            #expect(forged.status == .forbidden)
            #expect(browser.cookies["ap_session"] == nil)
        }
    }

    @Test func everyActionRefusesAMissingOrWrongCSRFToken() async throws {
        let harness = try await DashboardHarness.make()
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            try await browser.signIn("owner@a.example")
            for route in DashboardRoutesInventory.actions(tenantIDs: ["x"]) {
                let missing = try await browser.post(route, [("ids", "x")])
                #expect(missing.status == .forbidden, "\(route) without a token")
                let wrong = try await browser.post(route, [("csrf_token", "nope"), ("ids", "x")])
                #expect(wrong.status == .forbidden, "\(route) with a wrong token")
            }
        }
    }

    @Test func viewersSeeEverythingButChangeNothing() async throws {
        let harness = try await DashboardHarness.make()
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            try await browser.signIn("viewer@a.example")
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(!home.body.contains("data-testid=\"accept\""))
            let token = try home.csrfToken()
            for route in DashboardRoutesInventory.editorActions(tenantIDs: ["x"]) {
                let refused = try await browser.post(route, [("csrf_token", token), ("ids", "x"), ("action", "dismiss")])
                #expect(refused.status == .forbidden, "\(route) as a viewer")
                #expect(refused.body.contains("Action non autorisée"), "\(route) shows the 403 page")
            }
            let language = try await browser.post("/language", [("csrf_token", token), ("language", "en"), ("back", "/")])
            #expect(language.status == .seeOther)
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        let harness = try await DashboardHarness.make(history: false)
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            try await browser.signIn("editor@a.example")
            let oldCookie = try #require(browser.cookies["ap_session"])
            let token = try await browser.csrfToken()
            let out = try await browser.post("/logout", [("csrf_token", token)])
            #expect(out.location == "/login")
            browser.cookies["ap_session"] = oldCookie
            let after = try await browser.get("/")
            #expect(after.status == .seeOther)
        }
    }

    @Test func aOneTimeLinkSignsInOnce() async throws {
        let harness = try await DashboardHarness.make(history: false)
        let owner = try #require(try await harness.dependencies.accountsUser("owner@a.example"))
        let link = try await harness.dependencies.accounts.createLoginLink(userID: owner.id, tenantID: owner.tenantID, lifetime: 3600)
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            let first = try await browser.get("/login/link?token=\(link)")
            #expect(first.status == .seeOther)
            #expect(browser.cookies["ap_session"] != nil)
            var other = WebSession(client)
            let second = try await other.get("/login/link?token=\(link)")
            #expect(second.status == .unauthorized)
        }
    }
}
