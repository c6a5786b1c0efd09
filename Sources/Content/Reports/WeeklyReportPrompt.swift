import AutopilotCore

/// What the weekly report's writer is told and the JSON it answers with.
public enum WeeklyReportPrompt {
    /// The JSON the model answers with.
    public static let answerSchema: JSONValue = [
        "type": "object",
        "properties": [
            "executive_summary": ["type": "string", "description": "three to five sentences for the shop owner"],
            "insights": ["type": "array", "items": ["type": "string"], "description": "the top insights, one sentence each"],
            "recommendations": ["type": "array", "items": ["type": "string"], "description": "what to do next week, one sentence each"],
        ],
        "required": ["executive_summary", "insights", "recommendations"],
        "additionalProperties": false,
    ]

    /// The system prompt, in `language`.
    public static func system(_ language: ContentLanguage) -> String {
        """
        You write the weekly report of a small online shop's follow-up engine for its owner, in \(language == .french ? "French" : "English"). \
        You get the week's numbers as JSON: totals and one line per flow against the previous week, return on investment \
        (attributed revenue against message and model costs, in the given currency), customer insights, alerts. Write an \
        executive summary (three to five sentences), the top insights and concrete recommendations for next week. Use only \
        the numbers given; never invent figures. Answer with JSON: executive_summary, insights, recommendations.
        """
    }
}
