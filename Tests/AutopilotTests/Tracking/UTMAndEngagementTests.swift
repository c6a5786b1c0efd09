import AutopilotCore
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@Suite("UTM tags, attribution windows and machine engagement")
struct UTMAndEngagementTests {
    static let tags = UTMTags(medium: "email", campaign: "abandoned-cart", content: "steps-1.b-0")

    @Test(arguments: [
        ("https://shop.example/p/1", "https://shop.example/p/1?utm_source=autopilot&utm_medium=email&utm_campaign=abandoned-cart&utm_content=steps-1.b-0"),
        ("https://shop.example/p?x=1#top", "https://shop.example/p?x=1&utm_source=autopilot&utm_medium=email&utm_campaign=abandoned-cart&utm_content=steps-1.b-0#top"),
        ("https://shop.example/p?utm_source=news&x=1", "https://shop.example/p?utm_source=news&x=1"),
        ("https://shop.example/p?UTM_Campaign=spring", "https://shop.example/p?UTM_Campaign=spring"),
        ("https://shop.example/?", "https://shop.example/?utm_source=autopilot&utm_medium=email&utm_campaign=abandoned-cart&utm_content=steps-1.b-0"),
    ])
    func linksAreTaggedUnlessTheyAlreadyCarryUTM(url: String, expected: String) {
        #expect(Self.tags.tagging(url) == expected)
    }

    @Test func aMessagesTagsNameItsChannelFlowAndVariant() {
        let tags = UTMTags.forMessage(channel: "sms", flowID: "win-back", step: "steps[2].short-b[0]")
        #expect(tags.tagging("https://s.example/x") == "https://s.example/x?utm_source=autopilot&utm_medium=sms&utm_campaign=win-back&utm_content=steps-2.short-b-0")
        let encoded = UTMTags(medium: "email", campaign: "a b&c").tagging("https://s.example/")
        #expect(encoded == "https://s.example/?utm_source=autopilot&utm_medium=email&utm_campaign=a%20b%26c")
    }

    @Test(arguments: [
        ("Mozilla/5.0", 3_600.0, "privacy_proxy"), ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) AppleWebKit/605.1.15", 3_600, nil),
        ("YahooMailProxy; https://help.yahoo.com", 3_600, "privacy_proxy"), (nil, 2, "privacy_proxy"), (nil, 600, nil),
    ] as [(String?, Double, String?)])
    func privacyProxyOpensAreFlagged(agent: String?, after: Double, expected: String?) {
        let sent = Fixtures.date("2026-03-03T10:00:00Z")
        #expect(EngagementFilter.openFlag(userAgent: agent, sentAt: sent, at: sent.addingTimeInterval(after)) == expected)
    }

    @Test(arguments: [
        ("Mozilla/5.0 (compatible; Barracuda Sentinel)", 600.0, "scanner"), ("python-requests/2.31", 600, "scanner"),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0", 3, "scanner"),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0", 600, nil), (nil, 60, nil),
    ] as [(String?, Double, String?)])
    func scannerClicksAreFlagged(agent: String?, after: Double, expected: String?) {
        let sent = Fixtures.date("2026-03-03T10:00:00Z")
        #expect(EngagementFilter.clickFlag(userAgent: agent, sentAt: sent, at: sent.addingTimeInterval(after)) == expected)
    }

    @Test func attributionWindowsFollowTheTenantsSettings() {
        let defaults = AttributionWindows()
        #expect(defaults.emailOpen == 5 * 86_400 && defaults.emailClick == 5 * 86_400)
        #expect(defaults.smsClick == 5 * 86_400 && defaults.smsDelivery == 12 * 3_600)
        let custom = AttributionWindows(settings: [
            "attribution.email_open_hours": "24", "attribution.sms_delivery_hours": "0", "attribution.sms_click_hours": "-3",
            "attribution.email_click_hours": "many",
        ])
        #expect(custom.emailOpen == 24 * 3_600 && custom.smsDelivery == 0)
        #expect(custom.smsClick == defaults.smsClick && custom.emailClick == defaults.emailClick)
    }

    @Test func machineOpensAndClicksAreRecordedFlaggedButNotCountedAndSentLinksCarryUTM() async throws {
        let sent = try await TrackingAPITests.sent()
        // The links a message carries are tagged for its channel, flow and step; a link with its own UTM is kept.
        let tagged = TrackingLinks(
            baseURL: TrackingAPITests.base, signer: sent.signer, tenantID: sent.first, messageID: sent.reminder.id,
            utm: UTMTags.forMessage(channel: "email", flowID: "abandoned-cart", step: "steps[2]"))
        let html = tagged.trackedHTML("<p><a href=\"https://shop.example/c\">go</a> <a href=\"https://shop.example/n?utm_source=news\">n</a></p>")
        let tokens = html.components(separatedBy: "/t/c/").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        let targets = tokens.compactMap { sent.signer.verify($0, kind: .click)?.detail }
        #expect(
            targets == [
                "https://shop.example/c?utm_source=autopilot&utm_medium=email&utm_campaign=abandoned-cart&utm_content=steps-2",
                "https://shop.example/n?utm_source=news",
            ])
        try await sent.harness.app.test(.router) { client in
            let proxy = try await client.execute(uri: TrackingAPITests.path(sent.links().pixelURL), method: .get, headers: [.userAgent: "Mozilla/5.0"])
            #expect(proxy.status == .ok)
            let scanner = try await client.execute(
                uri: TrackingAPITests.path(sent.links().clickURL(TrackingAPITests.checkout)), method: .get,
                headers: [.userAgent: "Mozilla/5.0 (compatible; Mimecast URL Protect)"])
            #expect(scanner.status == .found)
        }
        let opened = try await sent.events(.messageOpened)
        let clicked = try await sent.events(.messageClicked)
        #expect(opened.first?.properties["flagged"] == "privacy_proxy")
        #expect(clicked.first?.properties["flagged"] == "scanner")
        let listed = try await FlowQueries(store: sent.harness.store).messages(tenantID: sent.first, contactEmail: "amina@example.fr")
        #expect(listed.first { $0.id == sent.reminder.id }?.status == "sent", "flagged engagement leaves the message as sent")
        // A person's click, later and with a browser's agent, counts.
        try await sent.harness.app.test(.router) { client in
            let person = try await client.execute(
                uri: TrackingAPITests.path(sent.links().clickURL(TrackingAPITests.checkout + "?p=1")), method: .get,
                headers: [.userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15"])
            #expect(person.status == .found)
        }
        let after = try await FlowQueries(store: sent.harness.store).messages(tenantID: sent.first, contactEmail: "amina@example.fr")
        #expect(after.first { $0.id == sent.reminder.id }?.status == "clicked")
    }
}
