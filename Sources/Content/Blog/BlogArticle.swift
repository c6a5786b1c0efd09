import AutopilotCore
import Foundation

/// A blog article: a title, a meta description (at most 155 characters), an introduction, H2 sections and a call to
/// action, with its Markdown and HTML.
public struct BlogArticle: Sendable, Hashable {
    /// Longest meta description search engines show, in characters.
    public static let metaDescriptionLimit = 155
    /// Longest title kept, in characters.
    public static let titleLimit = 120

    /// One H2 section: its heading and its Markdown body (paragraphs, lists, bold, italic, links).
    public struct Section: Sendable, Hashable {
        public var heading: String
        public var body: String

        public init(heading: String, body: String) {
            self.heading = heading
            self.body = body
        }
    }

    public var language: ContentLanguage
    public var title: String
    public var metaDescription: String
    public var introduction: String
    public var sections: [Section]
    public var callToAction: String

    /// Trims the texts, cuts the title and the meta description to their limits, drops empty sections.
    public init(
        language: ContentLanguage, title: String, metaDescription: String, introduction: String, sections: [Section], callToAction: String
    ) {
        self.language = language
        self.title = Self.cut(Self.singleLine(title), to: Self.titleLimit)
        self.metaDescription = Self.cut(Self.singleLine(metaDescription), to: Self.metaDescriptionLimit)
        self.introduction = introduction.trimmingCharacters(in: .whitespacesAndNewlines)
        self.sections = sections.compactMap { section in
            let heading = Self.singleLine(section.heading)
            let body = section.body.trimmingCharacters(in: .whitespacesAndNewlines)
            return heading.isEmpty && body.isEmpty ? nil : Section(heading: heading, body: body)
        }
        self.callToAction = callToAction.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The heading of the call-to-action section.
    public var callToActionHeading: String { language == .french ? "Passez à l'action" : "Take the next step" }

    /// The whole article in Markdown: `# title`, the introduction, one `##` per section, then the call to action.
    public var markdown: String {
        var blocks = ["# " + title]
        if !introduction.isEmpty { blocks.append(introduction) }
        for section in sections {
            blocks.append("## " + section.heading)
            if !section.body.isEmpty { blocks.append(section.body) }
        }
        if !callToAction.isEmpty {
            blocks.append("## " + callToActionHeading)
            blocks.append(callToAction)
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// The article in HTML (`MarkdownHTML`), every text escaped, starting with the title as `<h1>`.
    public var html: String { MarkdownHTML.render(markdown) }

    /// The HTML without the `<h1>` title: what a CMS that shows the title itself (WordPress) takes as content.
    public var bodyHTML: String {
        var blocks = markdown.components(separatedBy: "\n\n")
        if blocks.first?.hasPrefix("# ") == true { blocks.removeFirst() }
        return MarkdownHTML.render(blocks.joined(separator: "\n\n"))
    }

    /// The article as the model writes it (`answerSchema`) and reads it back for a critique.
    public var answerValue: JSONValue {
        [
            "title": .string(title), "meta_description": .string(metaDescription), "introduction": .string(introduction),
            "sections": .array(sections.map { ["heading": .string($0.heading), "body": .string($0.body)] }),
            "call_to_action": .string(callToAction),
        ]
    }

    /// Reads the model's answer; nil when it lacks a title, two sections or a call to action.
    public init?(answer value: JSONValue?, language: ContentLanguage) {
        guard let value, let title = value["title"]?.stringValue, !title.allSatisfy(\.isWhitespace) else { return nil }
        let sections = (value["sections"]?.arrayValue ?? []).map {
            Section(heading: $0["heading"]?.stringValue ?? "", body: $0["body"]?.stringValue ?? "")
        }
        self.init(
            language: language, title: title, metaDescription: value["meta_description"]?.stringValue ?? "",
            introduction: value["introduction"]?.stringValue ?? "", sections: sections, callToAction: value["call_to_action"]?.stringValue ?? "")
        guard self.sections.count >= 2, !callToAction.isEmpty else { return nil }
    }

    /// The JSON the model answers with (OpenAI strict mode: every property required, nothing else allowed).
    public static let answerSchema: JSONValue = [
        "type": "object",
        "properties": [
            "title": ["type": "string", "description": "the article title, at most 70 characters"],
            "meta_description": ["type": "string", "description": "the meta description, at most 155 characters"],
            "introduction": ["type": "string", "description": "one or two paragraphs of Markdown"],
            "sections": [
                "type": "array",
                "items": [
                    "type": "object",
                    "properties": [
                        "heading": ["type": "string", "description": "the H2 heading, plain text"],
                        "body": ["type": "string", "description": "Markdown: paragraphs, lists, **bold**, *italic*, [links](https://…)"],
                    ],
                    "required": ["heading", "body"],
                    "additionalProperties": false,
                ],
            ],
            "call_to_action": ["type": "string", "description": "one or two sentences asking the reader to act"],
        ],
        "required": ["title", "meta_description", "introduction", "sections", "call_to_action"],
        "additionalProperties": false,
    ]

    package static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    /// `text` within `limit` characters: cut at the last word boundary that leaves room for "…".
    package static func cut(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let room = String(text.prefix(limit - 1))
        let boundary = room.lastIndex(of: " ").map { String(room[..<$0]) } ?? room
        let trimmed = boundary.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:—-"))
        return (trimmed.isEmpty ? room : trimmed) + "…"
    }
}
