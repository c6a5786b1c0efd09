import AutopilotCore
import Engine
import Foundation
import Testing

/// Link rewriting for tracking: which links change, how, and that every rewritten link leads back to the original.
@Suite struct TrackingLinksTests {
    static let secret = "a-test-tracking-secret-of-at-least-32-characters"
    static let signer = TrackingSigner(secret: secret)
    static let links = TrackingLinks(baseURL: "https://ap.example/", signer: signer, tenantID: "t-1", messageID: "m-1")

    /// The click URLs in `text`, decoded back to their targets, in order.
    static func clickTargets(_ text: String) -> [String] {
        text.components(separatedBy: "https://ap.example/t/c/").dropFirst().compactMap { rest in
            var token = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
            while token.hasSuffix(".") { token = token.dropLast() }
            return signer.verify(String(token), kind: .click).map(\.detail)
        }
    }

    @Test(
        "text links",
        arguments: [
            ("Voir https://shop.example/p/1 maintenant", ["https://shop.example/p/1"], " maintenant"),
            ("Panier : https://shop.example/checkout/K-881.", ["https://shop.example/checkout/K-881"], "."),
            ("(https://shop.example/a?x=1&y=2), puis http://b.example/", ["https://shop.example/a?x=1&y=2", "http://b.example/"], "), puis "),
            ("Désinscription : https://ap.example/u/abc", [], "https://ap.example/u/abc"),
            ("pas de lien ici, ni xhttps://x.example", [], "xhttps://x.example"),
            ("mailto:a@b.example et ftp://f.example", [], "mailto:a@b.example"),
        ])
    func textLinks(text: String, targets: [String], kept: String) {
        let tracked = Self.links.trackedText(text)
        #expect(Self.clickTargets(tracked) == targets)
        #expect(tracked.contains(kept))
        #expect(!tracked.contains(".gif"))
        for target in targets where !target.hasPrefix("https://ap.example") { #expect(!tracked.contains(target)) }
    }

    @Test(
        "html links",
        arguments: [
            ("<p><a href=\"https://shop.example/p/1\">Voir</a></p>", ["https://shop.example/p/1"]),
            ("<a class=x HREF='https://shop.example/a?x=1&amp;y=2'>A</a>", ["https://shop.example/a?x=1&y=2"]),
            ("<a href=https://shop.example/u>u</a><area href=\"http://b.example/&#39;q\">", ["https://shop.example/u", "http://b.example/'q"]),
            ("<link href=\"https://cdn.example/s.css\"><a href=\"mailto:a@b.example\">m</a>", []),
            ("<!-- <a href=\"https://hidden.example\"> --><a href=\"https://ap.example/u/tok\">Se désinscrire</a>", []),
            ("<p>https://shop.example/plain</p>", []),
        ])
    func htmlLinks(html: String, targets: [String]) {
        let tracked = Self.links.trackedHTML(html)
        #expect(Self.clickTargets(tracked.replacingOccurrences(of: "&amp;", with: "&")) == targets)
        #expect(tracked.contains("<img src=\"\(Self.links.pixelURL)\" width=\"1\" height=\"1\""))
        #expect(tracked.components(separatedBy: "/t/o/").count == 2)
    }

    @Test func thePixelGoesBeforeTheClosingBody() {
        let tracked = Self.links.trackedHTML("<html><body><p>Bonjour</p></BODY></html>")
        #expect(tracked.hasPrefix("<html><body><p>Bonjour</p><img src=\"https://ap.example/t/o/"))
        #expect(tracked.hasSuffix("\"></BODY></html>"))
    }

    @Test func rewritingIsDeterministic() {
        let html = "<a href=\"https://shop.example/p/1\">x</a>"
        #expect(Self.links.trackedHTML(html) == Self.links.trackedHTML(html))
        #expect(Self.links.trackedText("https://shop.example") == Self.links.trackedText("https://shop.example"))
    }

    @Test func unsubscribeURLNamesTheChannel() throws {
        let url = Self.links.unsubscribeURL(channel: .sms)
        let token = try #require(url.components(separatedBy: "https://ap.example/u/").last)
        #expect(Self.signer.verify(token, kind: .unsubscribe) == .unsubscribe(tenantID: "t-1", messageID: "m-1", channel: .sms))
    }
}

/// Token signatures: only untouched tokens of the expected kind signed with our key verify.
@Suite struct TrackingSignerTests {
    static let signer = TrackingSigner(secret: TrackingLinksTests.secret)
    static let token = signer.sign(.click(tenantID: "t-1", messageID: "m-1", url: "https://shop.example/p/1"))

    @Test func aSignedTokenVerifies() {
        #expect(Self.signer.verify(Self.token, kind: .click) == .click(tenantID: "t-1", messageID: "m-1", url: "https://shop.example/p/1"))
        #expect(!Self.token.contains("+") && !Self.token.contains("/") && !Self.token.contains("="))
    }

    @Test func anotherKindDoesNotVerify() {
        #expect(Self.signer.verify(Self.token, kind: .open) == nil)
        #expect(Self.signer.verify(Self.token, kind: .unsubscribe) == nil)
    }

    @Test func anotherKeyDoesNotVerify() {
        #expect(TrackingSigner(secret: "another-secret-of-at-least-32-characters!").verify(Self.token, kind: .click) == nil)
    }

    @Test(arguments: Array(0..<12))
    func everyTamperedCharacterFails(position: Int) {
        var characters = Array(Self.token)
        let index = position * (characters.count - 1) / 11
        characters[index] = characters[index] == "A" ? "B" : "A"
        #expect(Self.signer.verify(String(characters), kind: .click) == nil)
    }

    @Test(arguments: ["", ".", "abc", "abc.def", "a.b.c", "%%%.***", String(repeating: "A", count: 20_000)])
    func garbageDoesNotVerify(text: String) {
        #expect(Self.signer.verify(text, kind: .click) == nil)
    }

    @Test func aChangedTargetDoesNotVerify() throws {
        let parts = Self.token.split(separator: ".")
        let forged = TrackingSigner(secret: "attacker-secret-of-at-least-32-characters").sign(
            .click(tenantID: "t-1", messageID: "m-1", url: "https://evil.example/"))
        let mixed = forged.split(separator: ".")[0] + "." + parts[1]
        #expect(Self.signer.verify(String(mixed), kind: .click) == nil)
    }
}
