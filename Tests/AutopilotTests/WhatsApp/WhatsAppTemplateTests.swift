import AutopilotCore
import Channels
import Engine
import Flows
import Foundation
import Storage
import TestSupport
import Testing

/// WhatsApp's 24-hour customer service window, against a loopback Cloud API: a customer who wrote today gets the
/// step's free text; one who did not gets the step's approved template (variables and a document header in Meta's wire
/// format); a step without a template is held with the reason, and nothing reaches Meta.
@Suite("WhatsApp — approved templates outside the 24-hour window")
struct WhatsAppTemplateTests {
    static let withTemplate = """
        id: parcel-on-whatsapp
        name: Parcel on WhatsApp
        version: 1
        trigger: manual
        reentry: { at_most_every: 1d }
        steps:
          - send:
              channel: whatsapp
              template: follow-up-whatsapp
              transactional: true
              whatsapp_template:
                name: order_shipped
                language: fr
                variables: ["{{contact.first_name}}", "{{trigger.tracking}}"]
                header: { document: "https://boutique.example/factures/{{trigger.tracking}}.pdf", filename: "facture.pdf" }
        """
    static let withoutTemplate = """
        id: note-on-whatsapp
        name: Note on WhatsApp
        version: 1
        trigger: manual
        reentry: { at_most_every: 1d }
        steps:
          - send: { channel: whatsapp, template: follow-up-whatsapp, transactional: true }
        """
    static let accepted = #"{"messaging_product": "whatsapp", "contacts": [{"input": "33600000000", "wa_id": "33600000000"}], "messages": [{"id": "wamid.X"}]}"#

    @Test func theWindowDecidesBetweenTextTemplateAndHold() async throws {
        let now = Fixtures.date("2026-03-10T10:00:00Z")
        let shop = try await TestShop.make(at: now, seed: 31)
        try await shop.ingest([
            Fixtures.envelope(
                "contact.created", at: "2026-03-01T09:00:00Z", key: "a", contact: ["phone": "+33611111111", "email": "amina@example.fr"],
                properties: ["first_name": "Amina"]),
            Fixtures.envelope(
                "contact.created", at: "2026-03-01T09:00:00Z", key: "b", contact: ["phone": "+33622222222", "email": "bruno@example.fr"],
                properties: ["first_name": "Bruno"]),
            // Amina wrote on WhatsApp two hours ago; Bruno wrote two days ago.
            Fixtures.envelope(
                "message.replied", at: "2026-03-10T08:00:00Z", key: "in-a", contact: ["phone": "+33611111111"],
                properties: ["channel": "whatsapp", "text": "Bonjour, où en est ma commande ?"]),
            Fixtures.envelope(
                "message.replied", at: "2026-03-08T08:00:00Z", key: "in-b", contact: ["phone": "+33622222222"],
                properties: ["channel": "whatsapp", "text": "Merci"]),
        ])
        for (id, source) in [("parcel-on-whatsapp", Self.withTemplate), ("note-on-whatsapp", Self.withoutTemplate)] {
            try await shop.store.saveFlowVersion(
                FlowVersionRecord(tenantID: shop.tenantID, flowID: id, version: 1, source: source, createdAt: now), enabled: true)
        }
        let control = FlowRunControl(dependencies: shop.dependencies, tenantID: shop.tenantID)
        for email in ["amina@example.fr", "bruno@example.fr"] {
            _ = try await control.start(flowID: "parcel-on-whatsapp", contact: email, trigger: ["tracking": "COLIS-42"], key: "p-\(email)")
        }
        _ = try await control.start(flowID: "note-on-whatsapp", contact: "bruno@example.fr", key: "n-bruno")

        try await LoopbackServer.with(answer: { _ in (200, Self.accepted) }) { meta in
            let sender = WhatsAppCloudSender(
                settings: WhatsAppCloudSettings(phoneNumberID: "106540352242922", accessToken: "EAAG-token", baseURL: meta.baseURL + "/v21.0"))
            let worker = try TestWorker.make(shop.dependencies, senders: SenderDirectory(byChannel: [.whatsapp: sender]))
            try await worker.runDue(now: now)
            try await worker.runDue(now: now.addingTimeInterval(60))

            let bodies = try meta.requests.map { try JSONParser.parse($0.body) }
            #expect(bodies.count == 2, "the held message never reaches Meta")
            let text = try #require(bodies.first { $0["to"] == "33611111111" })
            #expect(text["type"] == "text")
            #expect(text["text"]?["body"]?.stringValue?.contains("Amina") == true, "\(text)")

            let template = try #require(bodies.first { $0["to"] == "33622222222" })
            #expect(template["type"] == "template")
            #expect(template["template"]?["name"] == "order_shipped")
            #expect(template["template"]?["language"]?["code"] == "fr")
            let components = template["template"]?["components"]?.arrayValue ?? []
            let header = try #require(components.first { $0["type"] == "header" })
            let document = header["parameters"]?.arrayValue?.first
            #expect(document?["type"] == "document")
            #expect(document?["document"]?["link"] == "https://boutique.example/factures/COLIS-42.pdf")
            #expect(document?["document"]?["filename"] == "facture.pdf")
            let body = try #require(components.first { $0["type"] == "body" })
            #expect(body["parameters"]?.arrayValue?.map { $0["text"]?.stringValue ?? "" } == ["Bruno", "COLIS-42"])
            #expect(body["parameters"]?.arrayValue?.allSatisfy { $0["type"] == "text" } == true)
        }
        let messages = try await FlowQueries(store: shop.store).messages(tenantID: shop.tenantID)
        let held = try #require(messages.first { $0.flow == "note-on-whatsapp" })
        #expect(held.status == "blocked" && held.blockedReason == "whatsapp_window_closed", "\(held)")
        let sent = messages.filter { $0.flow == "parcel-on-whatsapp" }
        #expect(sent.count == 2 && sent.allSatisfy { $0.status == "sent" })
    }

    @Test(arguments: [
        ("channel: email\n      template: welcome-1\n      whatsapp_template: { name: order_shipped, language: fr }", "only a whatsapp message"),
        ("channel: whatsapp\n      template: follow-up-whatsapp\n      whatsapp_template: { name: Order Shipped, language: fr }", "not a WhatsApp template name"),
        (
            "channel: whatsapp\n      template: follow-up-whatsapp\n      whatsapp_template: { name: a, language: fr, header: { image: \"http://x/a.png\" } }",
            "not an https link"
        ),
        ("channel: whatsapp\n      template: follow-up-whatsapp\n      whatsapp_template: { name: a }", "language: is required"),
    ])
    func aTemplateStepIsCheckedWithTheFieldNamed(step: String, message: String) {
        let source = "id: t\nname: T\nversion: 1\ntrigger: manual\nsteps:\n  - send:\n      \(step)\n"
        let issues = FlowDefinition.validate(source).map(\.description)
        #expect(issues.contains { $0.hasPrefix("steps[0].send.whatsapp_template") && $0.contains(message) }, "\(issues)")
    }
}
