import AutopilotCore

/// A message a flow sends: one text per locale for one channel, written in Mustache (`{{contact.first_name}}`).
///
/// Flows name templates by `name` (`send: { channel: sms, template: abandoned-cart-sms }`); the engine renders the
/// active version with `TemplateRenderer` and sends only templates whose `TemplateCheck.problems(in:)` is empty.
public struct MessageTemplate: Sendable, Hashable {
    /// The id flows reference, e.g. `abandoned-cart-sms`. Lower-case letters, digits and dashes.
    public var name: String
    public var channel: Channel
    public var purpose: MessagePurpose
    /// The texts, one per locale, in the order they were written (the first is the last resort of locale choice).
    public var variants: [TemplateVariant]
    public var status: TemplateStatus
    /// Increases with every edit; a renderer caches compiled texts per name, version and locale.
    public var version: Int
    /// Who wrote this version: `library`, `person` or `assistant`.
    public var generatedBy: String
    public var description: String

    public init(
        name: String, channel: Channel, purpose: MessagePurpose = .marketing, variants: [TemplateVariant], status: TemplateStatus = .draft,
        version: Int = 1, generatedBy: String = "person", description: String = ""
    ) {
        self.name = name
        self.channel = channel
        self.purpose = purpose
        self.variants = variants
        self.status = status
        self.version = version
        self.generatedBy = generatedBy
        self.description = description
    }

    /// The variant written for exactly this locale.
    public func variant(locale: String) -> TemplateVariant? {
        variants.first { $0.locale == locale }
    }
}

/// The text of a template in one locale.
public struct TemplateVariant: Sendable, Hashable {
    /// A language (`fr`, `en`), optionally with a region (`fr-CA`).
    public var locale: String
    /// The email subject (Mustache, plain text). Required for email, absent for other channels.
    public var subject: String?
    /// The message text (Mustache, plain text: values are inserted without HTML escaping).
    public var body: String
    /// The email HTML (Mustache, values HTML-escaped). When absent, the HTML is derived from the text (`TemplateHTML.fromText`).
    public var html: String?

    public init(locale: String, subject: String? = nil, body: String, html: String? = nil) {
        self.locale = locale
        self.subject = subject
        self.body = body
        self.html = html
    }
}
