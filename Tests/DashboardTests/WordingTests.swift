import Content
import Foundation
import Testing

@testable import Dashboard

@Suite("Dashboard — words, languages and formats")
struct WordingTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/Dashboard/Resources/templates")

    @Test func everyWordATemplateUsesExistsInBothLanguages() throws {
        let french = Strings.table(.french), english = Strings.table(.english)
        #expect(french.count == english.count)
        var missing: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: Self.templates.path) where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: Self.templates.appendingPathComponent(file), encoding: .utf8)
            for part in text.components(separatedBy: "{{t.").dropFirst() {
                let key = String(part.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                if french[key] == nil { missing.append("\(file): \(key)") }
            }
        }
        #expect(missing.isEmpty, "\(missing)")
    }

    @Test func noCatalogKeyIsDefinedTwice() {
        var seen: Set<String> = []
        var duplicates: [String] = []
        for catalog in Strings.catalogs { for key in catalog.keys where !seen.insert(key).inserted { duplicates.append(key) } }
        #expect(duplicates.isEmpty, "\(duplicates)")
    }

    @Test func theUsersSettingWinsThenTheBrowsersLanguage() {
        #expect(PageLanguage.choose(userSetting: "en", acceptLanguage: "fr-FR") == .english)
        #expect(PageLanguage.choose(userSetting: nil, acceptLanguage: "en-GB,en;q=0.9,fr;q=0.8") == .english)
        #expect(PageLanguage.choose(userSetting: nil, acceptLanguage: "de-DE, en;q=0.5, fr;q=0.7") == .french)
        #expect(PageLanguage.choose(userSetting: nil, acceptLanguage: "de-DE") == .french)
        #expect(PageLanguage.choose(userSetting: nil, acceptLanguage: nil) == .french)
        #expect(PageLanguage.choose(userSetting: "xx", acceptLanguage: "en") == .english)
    }

    @Test func amountsAndDatesFollowTheLanguageAndTheShopsTimeZone() {
        let paris = DisplayFormat(language: .french, timeZone: TimeZone(identifier: "Europe/Paris")!)
        let london = DisplayFormat(language: .english, timeZone: TimeZone(identifier: "America/New_York")!)
        let french = paris.money(1234.5, currency: "EUR")
        #expect(french.contains("1") && french.contains("234") && french.hasSuffix("€"), "\(french)")
        #expect(london.money(1234.5, currency: "EUR").hasPrefix("€"))
        #expect(london.money(12.5, currency: "EUR") == "€12.50")
        #expect(paris.number(12345).unicodeScalars.contains { $0.properties.isWhitespace }, "French groups thousands with a space")
        #expect(london.number(12345) == "12,345")
        let lateEvening = Date(timeIntervalSince1970: 1_773_180_000)  // 2026-03-10T22:00:00Z
        #expect(paris.dateTime(lateEvening).contains("23:00"), "\(paris.dateTime(lateEvening))")
        #expect(london.dateTime(lateEvening).contains("18:00"), "\(london.dateTime(lateEvening))")
        #expect(paris.date(lateEvening).contains("2026"))
    }

    @Test func onlyPathsOfThisSiteAreFollowedAfterSignIn() {
        #expect(HTMLResponse.localPath("/leads?tier=hot") == "/leads?tier=hot")
        #expect(HTMLResponse.localPath("//evil.example") == nil)
        #expect(HTMLResponse.localPath("https://evil.example") == nil)
        #expect(HTMLResponse.localPath("/\\evil.example") == nil)
        #expect(HTMLResponse.localPath(nil) == nil)
    }
}
