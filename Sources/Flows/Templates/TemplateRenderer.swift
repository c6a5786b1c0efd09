import AutopilotCore
import Foundation
import Mustache
import Synchronization

/// Renders templates for contacts. Keeps the compiled Mustache texts per template name, version and locale, so the
/// dispatcher parses each text once; a changed text under the same key is recompiled. Safe to share between tasks.
public final class TemplateRenderer: Sendable {
    private struct Key: Hashable {
        var name: String
        var version: Int
        var locale: String
    }

    private let cache = Mutex<[Key: CompiledVariant]>([:])
    /// Most compiled variants kept; the cache starts over when it is full.
    public let capacity: Int

    public init(capacity: Int = 4096) {
        self.capacity = max(1, capacity)
    }

    /// Renders a template in the variant best matching `locale` (exact, then its language, then `en`, then the first).
    ///
    /// `context` holds the roots of `TemplateVocabulary` (`contact`, `cart`, `coupon`, `links`…). Missing values render
    /// empty. Subject and text are plain text; HTML is escaped. Email gets HTML even without an `html` text.
    public func render(_ template: MessageTemplate, locale: String?, context: JSONObject) throws(TemplateRenderError) -> RenderedMessage {
        let variant = try Self.variant(of: template, locale: locale)
        let key = Key(name: template.name, version: template.version, locale: variant.locale)
        let cached = cache.withLock { $0[key] }
        let compiled: CompiledVariant
        if let cached, cached.variant == variant {
            compiled = cached
        } else {
            compiled = try CompiledVariant(variant, channel: template.channel)
            cache.withLock { entries in
                if entries.count >= capacity, entries[key] == nil { entries.removeAll(keepingCapacity: true) }
                entries[key] = compiled
            }
        }
        return compiled.render(context)
    }

    /// Renders without keeping anything (tools, previews, checks).
    public static func render(_ template: MessageTemplate, locale: String?, context: JSONObject) throws(TemplateRenderError) -> RenderedMessage {
        try CompiledVariant(variant(of: template, locale: locale), channel: template.channel).render(context)
    }

    /// The language (`fr`, `en`) of the variant a contact with `locale` reads; nil when the template has no variant.
    public static func language(of template: MessageTemplate, locale: String?) -> String? {
        TemplateLocale.choose(template.variants, for: locale).map { TemplateLocale.language(of: $0.locale) }
    }

    /// How many compiled variants are kept now.
    public var cachedCount: Int { cache.withLock { $0.count } }

    private static func variant(of template: MessageTemplate, locale: String?) throws(TemplateRenderError) -> TemplateVariant {
        guard let variant = TemplateLocale.choose(template.variants, for: locale) else {
            throw TemplateRenderError(code: "no_variant", path: "variants", message: "template \"\(template.name)\" has no variant")
        }
        return variant
    }
}

/// One variant with its texts compiled.
struct CompiledVariant: Sendable {
    var variant: TemplateVariant
    var channel: Channel
    var subject: MustacheTemplate?
    var body: MustacheTemplate
    var html: MustacheTemplate?
    var numbers: TemplateNumberFormat

    init(_ variant: TemplateVariant, channel: Channel) throws(TemplateRenderError) {
        let path = "variants.\(variant.locale)"
        self.variant = variant
        self.channel = channel
        numbers = TemplateNumberFormat(locale: variant.locale)
        body = try Self.compile(variant.body, as: .text, path: "\(path).body")
        if channel == .email {
            guard let subject = variant.subject, !subject.isEmpty else {
                throw TemplateRenderError(code: "missing_subject", path: "\(path).subject", message: "is required for email")
            }
            self.subject = try Self.compile(subject, as: .text, path: "\(path).subject")
            html = try variant.html.map { html throws(TemplateRenderError) in try Self.compile(html, as: .html, path: "\(path).html") }
        }
    }

    func render(_ context: JSONObject) -> RenderedMessage {
        let values = TemplateContext(object: context, numbers: numbers)
        let text = body.render(values)
        guard channel == .email else { return RenderedMessage(locale: variant.locale, subject: nil, text: text, html: nil) }
        let subjectLine = subject.map { Self.singleLine($0.render(values)) }
        let page = html.map { $0.render(values) } ?? TemplateHTML.fromText(text)
        return RenderedMessage(locale: variant.locale, subject: subjectLine, text: text, html: page)
    }

    private static func compile(_ text: String, as kind: TemplateText.Kind, path: String) throws(TemplateRenderError) -> MustacheTemplate {
        do {
            return try TemplateText.compile(text, as: kind)
        } catch {
            throw TemplateRenderError(code: "malformed_template", path: path, message: error.message)
        }
    }

    /// Subjects are one line: line breaks become spaces, surrounding blanks go.
    private static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
