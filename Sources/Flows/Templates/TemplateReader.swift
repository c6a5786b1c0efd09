import AutopilotCore
import Foundation

/// Turns a template document into a `MessageTemplate`, collecting every problem instead of stopping at the first.
struct TemplateReader {
    /// Longest text accepted in one field, in characters.
    static let maximumTextLength = 100_000
    static let generators: Set<String> = ["library", "person", "assistant"]
    private static let rootKeys: Set<String> = ["name", "channel", "purpose", "description", "variants", "status", "version", "generated_by"]

    var issues: [ValidationIssue] = []

    mutating func read(_ document: JSONValue) -> MessageTemplate? {
        guard let root = document.objectValue else {
            fail("", "is \(document.kindName), expected a mapping with name, channel and variants")
            return nil
        }
        for key in root.keys where !Self.rootKeys.contains(key) {
            fail(key, "unknown field (expected \(Self.rootKeys.sorted().joined(separator: ", ")))")
        }
        let name = text(root, "name", required: true)
        if let name, !FlowDefinitionReader.isIdentifier(name) {
            fail("name", "\"\(name)\" is not a template name (lower-case letters, digits and dashes, such as abandoned-cart-sms)")
        }
        let channel: Channel? = choice(root, "channel", required: true)
        let purpose: MessagePurpose? = choice(root, "purpose", required: false)
        let status: TemplateStatus? = choice(root, "status", required: false)
        let description = text(root, "description", required: false) ?? ""
        var version = 1
        if let raw = root["version"], raw != .null {
            if let value = raw.intValue, value >= 1, value <= Int64(Int32.max) {
                version = Int(value)
            } else {
                fail("version", "\(Self.show(raw)) is not a version number (1 or more)")
            }
        }
        let generatedBy = text(root, "generated_by", required: false) ?? "person"
        if !Self.generators.contains(generatedBy) {
            fail("generated_by", "\"\(generatedBy)\" is not one of \(Self.generators.sorted().joined(separator: ", "))")
        }
        let variants = readVariants(root["variants"], channel: channel)
        guard issues.isEmpty, let name, let channel else { return nil }
        return MessageTemplate(
            name: name, channel: channel, purpose: purpose ?? .marketing, variants: variants, status: status ?? .draft, version: version,
            generatedBy: generatedBy, description: description)
    }

    private mutating func readVariants(_ value: JSONValue?, channel: Channel?) -> [TemplateVariant] {
        guard let value, value != .null else {
            fail("variants", "is required (one entry per locale, such as fr and en)")
            return []
        }
        guard let entries = value.objectValue else {
            fail("variants", "is \(value.kindName), expected a mapping from locale (fr, en) to texts")
            return []
        }
        if entries.isEmpty { fail("variants", "a template needs at least one variant") }
        var variants: [TemplateVariant] = []
        for (locale, raw) in entries {
            let path = "variants.\(locale)"
            if !TemplateLocale.isValid(locale) {
                fail(path, "\"\(locale)\" is not a locale (a language such as fr or en, optionally with a region such as fr-CA)")
            }
            guard let fields = raw.objectValue else {
                fail(path, "is \(raw.kindName), expected a mapping with body\(channel == .email ? " and subject" : "")")
                continue
            }
            for key in fields.keys where !["subject", "body", "html"].contains(key) {
                fail("\(path).\(key)", "unknown field (expected body, html, subject)")
            }
            let body = text(fields, "body", path: path, required: true)
            let subject = text(fields, "subject", path: path, required: channel == .email)
            let html = text(fields, "html", path: path, required: false)
            if let channel, channel != .email {
                if subject != nil { fail("\(path).subject", "is only used for email, not \(channel.rawValue)") }
                if html != nil { fail("\(path).html", "is only used for email, not \(channel.rawValue)") }
            }
            if let body { variants.append(TemplateVariant(locale: locale, subject: subject, body: body, html: html)) }
        }
        return variants
    }

    // MARK: - Fields

    private mutating func fail(_ path: String, _ message: String) {
        issues.append(ValidationIssue(path: path, message: message))
    }

    private mutating func text(_ object: JSONObject, _ key: String, path: String = "", required: Bool) -> String? {
        let fieldPath = path.isEmpty ? key : "\(path).\(key)"
        guard let value = object[key], value != .null else {
            if required { fail(fieldPath, required && key == "subject" ? "is required for email" : "is required") }
            return nil
        }
        guard let text = value.stringValue else {
            fail(fieldPath, "is \(value.kindName), expected a string")
            return nil
        }
        if required, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            fail(fieldPath, "is empty")
            return nil
        }
        if text.count > Self.maximumTextLength {
            fail(fieldPath, "is longer than \(Self.maximumTextLength) characters")
            return nil
        }
        return text
    }

    private mutating func choice<Value: RawRepresentable & CaseIterable>(_ object: JSONObject, _ key: String, required: Bool) -> Value?
    where Value.RawValue == String {
        guard let value = object[key], value != .null else {
            if required { fail(key, "is required (\(Value.allCases.map(\.rawValue).joined(separator: ", ")))") }
            return nil
        }
        guard let raw = value.stringValue, let choice = Value(rawValue: raw) else {
            fail(key, "\(Self.show(value)) is not one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return choice
    }

    static func show(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): "\"\(text)\""
        case .int, .double, .bool: value.jsonString
        default: value.kindName
        }
    }
}
