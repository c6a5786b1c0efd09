import AutopilotCore

extension FlowDefinition {
    /// Parses and validates a flow written in YAML or JSON. Throws every problem found, each with its path and reason.
    public static func parse(_ text: String) throws(DocumentValidationError) -> FlowDefinition {
        switch FlowDocument.read(text) {
        case .failure(let error): throw error
        case .success(let document): return try parse(document: document)
        }
    }

    /// Validates an already-decoded document (an API body).
    public static func parse(document: JSONValue) throws(DocumentValidationError) -> FlowDefinition {
        var reader = FlowDefinitionReader()
        let definition = reader.read(document)
        guard reader.issues.isEmpty, let definition else {
            throw DocumentValidationError.invalidFlow(
                reader.issues.isEmpty ? [ValidationIssue(path: "", message: "the flow is invalid")] : reader.issues)
        }
        return definition
    }

    /// Every problem of a flow text; empty when it is valid. What `autopilot flows validate FILE` prints.
    public static func validate(_ text: String) -> [ValidationIssue] {
        do {
            _ = try parse(text)
            return []
        } catch {
            return error.issues
        }
    }
}
