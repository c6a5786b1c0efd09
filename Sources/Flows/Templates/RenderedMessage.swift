import AutopilotCore

/// A template rendered for one contact: what a channel sends.
public struct RenderedMessage: Sendable, Hashable {
    /// The locale of the variant that was used (after fallback).
    public var locale: String
    /// The email subject; nil for other channels.
    public var subject: String?
    /// The plain text (the SMS or WhatsApp message, or the text part of an email).
    public var text: String
    /// The email HTML (the template's `html`, or `TemplateHTML.fromText(text)`); nil for other channels.
    public var html: String?

    public init(locale: String, subject: String?, text: String, html: String?) {
        self.locale = locale
        self.subject = subject
        self.text = text
        self.html = html
    }
}

/// A template that cannot be rendered.
public struct TemplateRenderError: AutopilotError, Hashable, CustomStringConvertible {
    /// `no_variant` (the template has no text), `malformed_template` (Mustache cannot parse a text) or
    /// `missing_subject` (an email variant without subject).
    public var code: String
    /// Where: `variants.fr.body`.
    public var path: String
    public var message: String

    public init(code: String, path: String, message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// A template that cannot be rendered is the template's fault: 422 over HTTP.
    public var category: ErrorCategory { .invalidInput }
    public var field: String? { path.isEmpty ? nil : path }
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
