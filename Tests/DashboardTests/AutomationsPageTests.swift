import AutopilotCore
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@Suite("Dashboard — automations: switch, state in words, figures, steps")
struct AutomationsPageTests {
    static let breakerReason = "circuit_breaker: 80 of 100 messages sent (80.0%), below 85.0%"

    @Test func everyFlowIsListedWithItsStateAndTheDelegatedOnesStandApart() async throws {
        let harness = try await DashboardHarness.make()
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            try await browser.signIn("owner@a.example")
            let page = try await browser.get("/automations?period=7")
            #expect(page.status == .ok)
            for flow in try await FlowAdministration(dependencies: harness.dependencies, tenantID: harness.tenantA).list() {
                #expect(page.body.contains("data-testid=\"flow-toggle-\(flow.id)\""), "\(flow.id)")
                #expect(page.body.contains("data-testid=\"flow-link-\(flow.id)\""), "\(flow.id)")
            }
            let delegated = try #require(page.body.range(of: "Automatisations qui agissent sans votre accord"))
            let ordinary = try #require(page.body.range(of: "id=\"flows-title\""))
            let silence = try #require(page.body.range(of: "flow-toggle-delegate-silence"))
            let cart = try #require(page.body.range(of: "flow-toggle-abandoned-cart\""))
            #expect(delegated.lowerBound < silence.lowerBound && silence.lowerBound < ordinary.lowerBound, "delegated flows are in their section")
            #expect(cart.lowerBound > ordinary.lowerBound)
            #expect(page.body.contains("<option value=\"7\" selected>"))
            #expect(!page.body.contains("circuit_breaker"), "no code in the page text")
            #expect(page.body.contains("Panier abandonné") && !page.body.contains("Abandoned cart"), "built-in flows are named in French")
        }
    }

    @Test func theSwitchTurnsAFlowOffAndOnInTheEngine() async throws {
        let harness = try await DashboardHarness.make(history: false)
        let flows = FlowAdministration(dependencies: harness.dependencies, tenantID: harness.tenantA)
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            try await browser.signIn("editor@a.example")
            let token = try await browser.get("/automations").csrfToken()
            let off = try await browser.post("/automations/abandoned-cart/disable", [("csrf_token", token), ("back", "/automations?period=90")])
            #expect(off.status == .seeOther)
            #expect(off.location == "/automations?period=90&notice=flow_disabled")
            #expect(try await flows.flow(id: "abandoned-cart").flow.enabled == false)
            let page = try await browser.get("/automations")
            #expect(page.body.contains("Arrêtée"))
            _ = try await browser.post("/automations/delegate-silence/enable", [("csrf_token", token)])
            #expect(try await flows.flow(id: "delegate-silence").flow.live)
            _ = try await browser.post("/automations/abandoned-cart/enable", [("csrf_token", token)])
            #expect(try await flows.flow(id: "abandoned-cart").flow.live)
            let unknown = try await browser.post("/automations/no-such-flow/enable", [("csrf_token", token)])
            #expect(unknown.status == .notFound)
        }
    }

    @Test func aFlowPausedByTheBreakerSaysWhyInWordsAndResumes() async throws {
        let harness = try await DashboardHarness.make(history: false)
        try await harness.store.pauseFlow(
            tenantID: harness.tenantA, flowID: "review-request", version: 1, reason: Self.breakerReason, at: DashboardHarness.now)
        let flows = FlowAdministration(dependencies: harness.dependencies, tenantID: harness.tenantA)
        #expect(try await flows.flow(id: "review-request").flow.pausedReason != nil)
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            browser.acceptLanguage = "en"
            try await browser.signIn("owner@a.example")
            let page = try await browser.get("/automations")
            #expect(page.body.contains("Paused itself: only 80 of 100 messages went out"), "the reason in words")
            #expect(page.body.contains("data-testid=\"flow-resume-review-request\""))
            let detail = try await browser.get("/automations/review-request")
            #expect(detail.body.contains("data-testid=\"flow-resume-review-request\""))
            let resumed = try await browser.post(
                "/automations/review-request/resume", [("csrf_token", try page.csrfToken()), ("back", "/automations/review-request")])
            #expect(resumed.location == "/automations/review-request?notice=flow_resumed")
            #expect(try await flows.flow(id: "review-request").flow.live)
            #expect(!(try await browser.get("/automations")).body.contains("flow-resume-review-request"))
        }
    }

    @Test func aFlowPageDrawsItsStepsInWordsAndEachMessagesFunnel() async throws {
        let harness = try await DashboardHarness.make()
        let contact = try #require(try await MessagesPageTests.contactID(harness, "script@a.example"))
        try await harness.store.recordDispatch([
            MessagesPageTests.message(harness, "m1", contact: contact, flow: "abandoned-cart", step: "steps[3]", status: .sent),
            MessagesPageTests.message(
                harness, "m2", contact: contact, flow: "abandoned-cart", step: "steps[3]", status: .blocked, reason: "quiet_hours"),
        ])
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            try await browser.signIn("viewer@a.example")
            let page = try await browser.get("/automations/abandoned-cart")
            #expect(page.status == .ok)
            for words in [
                "Attendre 20 min", "Si le contact accepte les SMS", "Envoyer l&#39;e-mail « abandoned-cart-reminder »",
                "avec un code de réduction de 10 %, valable 1 semaine", "une commande est passée",
            ] {
                #expect(page.body.contains(words), "\(words)")
            }
            #expect(page.body.contains("id=\"funnel-steps3-title\""), "the reminder's funnel is drawn")
            #expect(page.body.contains("Aucun message sur la période."), "steps without messages say so")
            let reminder = try #require(page.body.range(of: "abandoned-cart-reminder"))
            let coupon = try #require(page.body.range(of: "abandoned-cart-coupon"))
            #expect(reminder.lowerBound < coupon.lowerBound, "top to bottom")
            #expect(!page.body.contains("data-testid=\"flow-toggle-"), "a viewer has no switch")
            #expect(try await browser.get("/automations/no-such-flow").status == .notFound)
        }
    }

    @Test func anotherShopCannotSeeOrSwitchAFlowOfA() async throws {
        let harness = try await DashboardHarness.make(history: false)
        let flowsOfA = FlowAdministration(dependencies: harness.dependencies, tenantID: harness.tenantA)
        try await flowsOfA.copy(id: "abandoned-cart", to: "a-own-cart")
        try await harness.app.test(.live) { client in
            var intruder = WebSession(client)
            try await intruder.signIn("owner@b.example")
            #expect(try await intruder.get("/automations/a-own-cart").status == .notFound)
            #expect(!(try await intruder.get("/automations")).body.contains("a-own-cart"))
            let token = try await intruder.csrfToken()
            #expect(try await intruder.post("/automations/a-own-cart/enable", [("csrf_token", token)]).status == .notFound)
            #expect(try await flowsOfA.flow(id: "a-own-cart").flow.enabled == false)

            var viewer = WebSession(client)
            try await viewer.signIn("viewer@a.example")
            let refused = try await viewer.post("/automations/abandoned-cart/disable", [("csrf_token", try await viewer.csrfToken())])
            #expect(refused.status == .forbidden)
            #expect(try await flowsOfA.flow(id: "abandoned-cart").flow.live)
        }
    }
}
