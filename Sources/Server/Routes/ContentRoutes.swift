import AutopilotCore
import Content
import Engine
import Foundation
import Hummingbird

/// Content and reports: `POST /v1/content/blog` writes an article; `GET /v1/reports/weekly` is the weekly report.
struct ContentRoutes {
    let dependencies: Dependencies
    let maximumBodyBytes: Int
    let prices: MessagePrices

    func register(on group: RouterGroup<AppRequestContext>) {
        group.post("content/blog") { request, context in
            let tenantID = try context.requireTenant()
            let document = try await JSONBody.object(request, limit: maximumBodyBytes, emptyAllowed: false, code: BlogRequest.errorCode)
            let blog = try BlogRequest(document: document)
            let result = try await BlogGenerator(dependencies: dependencies, tenantID: tenantID).generate(blog)
            return JSONResponse.make(json: .object(result.jsonObject), status: .ok)
        }
        group.get("reports/weekly") { request, context in
            let tenantID = try context.requireTenant()
            let parameters = request.uri.queryParameters
            let week = try parameters.get("week_ending").map { try ReportWeek(ending: "\($0)") }
            let languageText = parameters.get("language").map { "\($0)" } ?? "fr"
            guard let language = ContentLanguage(rawValue: languageText) else {
                throw ValidationError(code: "invalid_report_request", field: "language", message: "\"\(languageText)\" is not fr or en")
            }
            let reporter = WeeklyReporter(dependencies: dependencies, tenantID: tenantID, prices: prices)
            let report = try await reporter.report(week: week, language: language)
            return JSONResponse.make(json: .object(report.jsonObject), status: .ok)
        }
    }
}
