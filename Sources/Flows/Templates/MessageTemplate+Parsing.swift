import AutopilotCore

extension MessageTemplate {
    /// Parses and validates a template written in YAML or JSON. Throws every problem found, each with its path and reason.
    ///
    /// This checks the document's shape only; `TemplateCheck.problems(in:)` checks the Mustache texts before activation.
    public static func parse(_ text: String) throws(DocumentValidationError) -> MessageTemplate {
        switch FlowDocument.read(text) {
        case .failure(let error):
            throw DocumentValidationError(code: "unreadable_template", issues: error.issues)
        case .success(let document):
            return try parse(document: document)
        }
    }

    /// Validates an already-decoded document.
    public static func parse(document: JSONValue) throws(DocumentValidationError) -> MessageTemplate {
        var reader = TemplateReader()
        let template = reader.read(document)
        guard reader.issues.isEmpty, let template else {
            throw DocumentValidationError.invalidTemplate(
                reader.issues.isEmpty ? [ValidationIssue(path: "", message: "the template is invalid")] : reader.issues)
        }
        return template
    }

    /// Validates the JSON form the API accepts and the store keeps (see `jsonObject`).
    public init(jsonObject: JSONObject) throws(DocumentValidationError) {
        self = try Self.parse(document: .object(jsonObject))
    }
}
