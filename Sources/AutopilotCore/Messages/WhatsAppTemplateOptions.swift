/// A WhatsApp message template approved by Meta, as a flow step names it (`whatsapp_template:` on a WhatsApp `send`):
/// outside the 24-hour customer service window WhatsApp accepts nothing else. The body's `{{1}}`, `{{2}}`… take
/// `variables` in order (each a Mustache text over the message's context); a media header shows an image or a document.
/// Persisted in `outbox.options.whatsapp_template` under the keys below, which never change.
public struct WhatsAppTemplateOptions: Sendable, Hashable {
    /// The template's name in WhatsApp Manager (`order_shipped`).
    public var name: String
    /// The language it was approved in (`fr`, `en_US`).
    public var language: String
    /// The body's parameters, in order; Mustache texts (`{{contact.first_name}}`).
    public var variables: [String]
    /// A media header, when the template has one.
    public var header: WhatsAppTemplateHeader?

    public init(name: String, language: String, variables: [String] = [], header: WhatsAppTemplateHeader? = nil) {
        self.name = name
        self.language = language
        self.variables = variables
        self.header = header
    }

    public init?(_ value: JSONValue) {
        guard let object = value.objectValue, let name = object["name"]?.stringValue, let language = object["language"]?.stringValue else {
            return nil
        }
        self.name = name
        self.language = language
        variables = object["variables"]?.arrayValue?.compactMap(\.stringValue) ?? []
        header = object["header"].flatMap(WhatsAppTemplateHeader.init)
    }

    public var jsonValue: JSONValue {
        var object: JSONObject = ["name": .string(name), "language": .string(language)]
        if !variables.isEmpty { object["variables"] = .array(variables.map(JSONValue.string)) }
        object["header"] = header?.jsonValue
        return .object(object)
    }
}

/// A template's media header: an image or a document at a public HTTPS link (Mustache allowed), a document with the
/// file name the customer sees.
public struct WhatsAppTemplateHeader: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case image, document
    }

    public var kind: Kind
    public var link: String
    public var filename: String?

    public init(kind: Kind, link: String, filename: String? = nil) {
        self.kind = kind
        self.link = link
        self.filename = filename
    }

    init?(_ value: JSONValue) {
        guard let object = value.objectValue, let kind = object["kind"]?.stringValue.flatMap(Kind.init), let link = object["link"]?.stringValue
        else { return nil }
        self.kind = kind
        self.link = link
        filename = object["filename"]?.stringValue
    }

    var jsonValue: JSONValue {
        var object: JSONObject = ["kind": .string(kind.rawValue), "link": .string(link)]
        object["filename"] = filename.map(JSONValue.string)
        return .object(object)
    }
}
