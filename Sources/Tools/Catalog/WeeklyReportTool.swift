import AutopilotCore
import Content
import Engine

extension Tool {
    /// `weekly_report {week_ending?, language?}`: the week's report — flows against the week before, ROI, insights, alerts.
    public static let weeklyReport = Tool(
        name: "weekly_report", title: "The weekly report",
        description: "Answers the weekly report of the shop: a short summary, each flow's figures against the week before, return on "
            + "investment per flow (attributed revenue against message and model costs), customer insights, recommendations and "
            + "alerts. By default the last full week; `week_ending` (YYYY-MM-DD) picks another; `language` fr or en.",
        effect: .readsOnly,
        input: Schema.object([
            "week_ending": Schema.string("the last day of the week, YYYY-MM-DD", maxLength: 10),
            "language": Schema.string("the language of the prose (default fr)", oneOf: ["fr", "en"]),
        ]),
        output: Schema.object(
            ["summary": Schema.type("object"), "flows": Schema.array(of: Schema.anyObject), "totals": Schema.anyObject],
            required: ["summary", "flows"],
            open: true),
        run: { input, context in
            let week = try input.optionalString("week_ending").map { text in
                do {
                    return try ReportWeek(ending: text)
                } catch let error as ValidationError {
                    throw ToolError.invalid("$.week_ending", error.message)
                }
            }
            let language = try input.optionalString("language").flatMap(ContentLanguage.init(rawValue:)) ?? .french
            let reporter = WeeklyReporter(dependencies: context.dependencies, tenantID: context.tenantID, prices: context.settings.messagePrices)
            return .object(try await reporter.report(week: week, language: language).jsonObject)
        })
}
