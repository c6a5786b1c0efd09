import AutopilotCore
import Engine
import Hummingbird
import Storage
import Testing

@testable import Server

/// The one place errors become HTTP answers (`ErrorResponse`): the status comes from the category alone, the body is
/// `{"error": {"code", "message", "field"}}`, and wrappers are looked through.
@Suite("Error mapping")
struct ErrorMappingTests {
    /// A refusal of each category, as a domain type would throw it.
    struct Refusal: AutopilotError {
        var category: ErrorCategory
        var code = "refused"
        var message = "refused for the test"
        var field: String? = "items[2].sku"
    }

    /// A wrapper such as a database driver's transaction error.
    struct Wrapper: WrappingError {
        var wrappedError: (any Error)?
    }

    struct Unexpected: Error {}

    static let statuses: [(ErrorCategory, HTTPResponse.Status)] = [
        (.malformedRequest, .badRequest), (.unauthenticated, .unauthorized), (.forbidden, .forbidden), (.notFound, .notFound),
        (.conflict, .conflict), (.tooLarge, .contentTooLarge), (.unsupportedMediaType, .unsupportedMediaType),
        (.invalidInput, .unprocessableContent), (.rateLimited, .tooManyRequests), (.upstreamFailure, .badGateway),
        (.unavailable, .serviceUnavailable), (.internal, .internalServerError),
    ]

    @Test("every category has its status", arguments: statuses)
    func categoryStatus(_ category: ErrorCategory, _ status: HTTPResponse.Status) {
        #expect(ErrorResponse.status(of: category) == status)
    }

    @Test("the table covers every category")
    func tableIsComplete() {
        #expect(Set(Self.statuses.map(\.0)) == Set(ErrorCategory.allCases))
    }

    @Test("a refusal answers its status with code, message and field", arguments: statuses.filter { $0.0 != .internal })
    func refusalAnswer(_ category: ErrorCategory, _ status: HTTPResponse.Status) throws {
        let answer = try #require(ErrorResponse.answer(to: Refusal(category: category)))
        #expect(answer.status == status)
        #expect(answer.body == ["error": ["code": "refused", "message": "refused for the test", "field": "items[2].sku"]])
    }

    @Test("an internal error or one that is not an AutopilotError is unexpected: logged, answered 500 without details")
    func unexpected() {
        #expect(ErrorResponse.answer(to: Refusal(category: .internal)) == nil)
        #expect(ErrorResponse.answer(to: Unexpected()) == nil)
        #expect(ErrorResponse.answer(to: ConfigurationError(variable: "AUTOPILOT_PORT", reason: "not a port")) == nil)
        #expect(ErrorResponse.unexpected.status == .internalServerError)
        #expect(
            ErrorResponse.unexpected.body == ["error": ["code": "internal_error", "message": "an unexpected error occurred; it has been logged"]])
    }

    @Test("a wrapped refusal answers exactly as the refusal itself")
    func wrapped() throws {
        let refusal = TemplateChangedError(name: "welcome", version: 2)
        let direct = try #require(ErrorResponse.answer(to: refusal))
        for wrapped in [Wrapper(wrappedError: refusal), Wrapper(wrappedError: Wrapper(wrappedError: refusal))] as [any Error] {
            let answer = try #require(ErrorResponse.answer(to: wrapped))
            #expect(answer.status == .conflict)
            #expect(answer.status == direct.status)
            #expect(answer.body == direct.body)
        }
        #expect(ErrorResponse.answer(to: Wrapper(wrappedError: nil)) == nil)
    }

    @Test("domain errors keep the statuses and codes the API has always answered")
    func domainErrors() throws {
        let cases: [(any Error, HTTPResponse.Status, String)] = [
            (ValidationError(field: "events[0].type", message: "is required"), .unprocessableContent, "invalid_event"),
            (NotFoundError(what: "task t1"), .notFound, "not_found"),
            (ConflictError(code: "run_finished", message: "the run is finished"), .conflict, "run_finished"),
            (TemplateChangedError(name: "welcome", version: 1), .conflict, "template_changed"),
            (AIFeatureError(code: "draft_unavailable", message: "no text"), .badGateway, "draft_unavailable"),
            (RequestError.malformedJSON("unexpected end"), .badRequest, "malformed_json"),
            (APIError.badParameter("limit", "must be an integer from 1 to 500"), .badRequest, "invalid_parameter"),
        ]
        for (error, status, code) in cases {
            let answer = try #require(ErrorResponse.answer(to: error))
            #expect(answer.status == status)
            #expect(answer.code == code)
        }
        #expect(try #require(ErrorResponse.answer(to: NotFoundError(what: "task t1"))).message == "task t1 was not found")
    }

    @Test("a document's problems are listed as issues with their paths")
    func documentIssues() throws {
        let error = DocumentValidationError.invalidFlow([
            ValidationIssue(path: "steps[2].wait", message: "\"2x\" is not a duration"), ValidationIssue(path: "", message: "no trigger"),
        ])
        let answer = try #require(ErrorResponse.answer(to: error))
        #expect(answer.status == .unprocessableContent)
        #expect(
            answer.body == [
                "error": [
                    "code": "invalid_flow", "message": "\"2x\" is not a duration (also: no trigger)", "field": "steps[2].wait",
                    "issues": [["path": "steps[2].wait", "reason": "\"2x\" is not a duration"], ["path": "", "reason": "no trigger"]],
                ]
            ])
    }
}

/// A refusal thrown inside a store transaction reaches the caller as itself on every driver, so the API answers it alike.
@Suite("Transaction refusals")
struct TransactionRefusalTests {
    static func refuse(_ store: SQLStore) async throws {
        let refusal = ValidationError(code: "refused", field: "body", message: "refused inside the transaction")
        await #expect(throws: refusal) {
            let _: Int = try await store.database.transaction(lock: nil, reads: [SQLStatement("SELECT 1", [])]) { _ in throw refusal }
        }
    }

    @Test func sqlite() async throws {
        try await TestDatabases.withSQLite { try await Self.refuse($0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres { try await Self.refuse($0) }
    }
}
