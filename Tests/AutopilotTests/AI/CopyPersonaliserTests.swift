import AutopilotCore
import Engine
import Flows
import Foundation
import LLM
import Testing

@Suite("AI — personalised copy")
struct CopyPersonaliserTests {
    static let text = """
        Bonjour Amina, votre panier vous attend : https://shop.example/checkout/K-881
        Se désinscrire : https://autopilot.example/u/m-1
        """
    static let rendered = RenderedMessage(locale: "fr", subject: "Votre panier", text: text, html: TemplateHTML.fromText(text))

    static func personaliser(replying reply: String, server: LoopbackChatServer) throws -> CopyPersonaliser {
        let configuration = try GatewayConfiguration.fromEnvironment(["AUTOPILOT_LLM_BASE_URL": server.baseURL, "AUTOPILOT_LLM_MODEL": "lumen-7b"])
        let gateway = LLMGateway(configuration: configuration, transport: HTTPClientTransport())
        return CopyPersonaliser(gateway: gateway)
    }

    @Test func aRewriteThatKeepsTheRulesIsSentWithItsWriter() async throws {
        let rewrite = """
            Amina, le thé que vous avez choisi vous attend toujours : https://shop.example/checkout/K-881
            Se désinscrire : https://autopilot.example/u/m-1
            """
        try await LoopbackChatServer.with(reply: { _ in rewrite }) { server in
            let outcome = try await Self.personaliser(replying: rewrite, server: server)
                .personalise(Self.rendered, for: .init(firstName: "Amina"), tenantID: "shop-1")
            #expect(outcome.personalised && outcome.provider == "compatible" && outcome.model == "lumen-7b" && outcome.reason == nil)
            #expect(outcome.message.text == rewrite && outcome.message.subject == "Votre panier")
            #expect(outcome.message.html == TemplateHTML.fromText(rewrite))
            let prompt = try #require(server.requests.first?["messages"]?[1]?["content"]?.stringValue)
            #expect(prompt.contains("first name: Amina") && prompt.contains(Self.text))
            let options = MessageOptions(personalise: true, personalisation: outcome.note).jsonValue
            #expect(options["personalisation"] == ["written_by": "model", "provider": "compatible", "model": "lumen-7b"])
            #expect(options["personalise"] == true)
        }
    }

    @Test func aRewriteThatBreaksARuleLeavesThePlainTemplateAndTheReason() async throws {
        let invented = """
            Amina, -20 % sur votre panier avec le code AMINA20 : https://shop.example/checkout/K-881
            Se désinscrire : https://autopilot.example/u/m-1
            """
        try await LoopbackChatServer.with(reply: { _ in invented }) { server in
            let outcome = try await Self.personaliser(replying: invented, server: server)
                .personalise(Self.rendered, for: .init(firstName: "Amina"), tenantID: "shop-1")
            #expect(!outcome.personalised && outcome.message == Self.rendered)
            #expect(outcome.reason?.hasPrefix("guard_rail: offer_added") == true)
            let options = MessageOptions(personalisation: outcome.note).jsonValue
            #expect(options["personalisation"]?["written_by"] == "template")
            #expect(options["personalisation"]?["provider"] == "compatible")
        }
    }

    @Test func offlineOrWithItsOwnHTMLTheTemplateIsSent() async throws {
        let offline = CopyPersonaliser(gateway: LLMGateway(configuration: GatewayConfiguration(providers: []), providers: []))
        let outcome = await offline.personalise(Self.rendered, for: .init(firstName: "Amina"), tenantID: "shop-1")
        #expect(!outcome.personalised && outcome.message == Self.rendered && outcome.reason == "offline: no_provider_configured")
        try await LoopbackChatServer.with(reply: { _ in "never asked" }) { server in
            var designed = Self.rendered
            designed.html = "<table><tr><td>Votre panier</td></tr></table>"
            let outcome = try await Self.personaliser(replying: "", server: server).personalise(
                designed, for: .init(firstName: nil), tenantID: "shop-1")
            #expect(!outcome.personalised && outcome.reason?.hasPrefix("custom_html") == true)
            #expect(server.requests.isEmpty)
        }
    }
}
