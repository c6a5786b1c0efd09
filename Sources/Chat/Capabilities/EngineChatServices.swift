import AutopilotCore
import Engine
import Foundation
import Logging
import Scoring

/// The tenant's knowledge base (`KnowledgeBaseService`: SQLite FTS5 or PostgreSQL full-text search).
public struct KnowledgeBaseAnswers: KnowledgeSearching {
    public let dependencies: Dependencies

    public init(dependencies: Dependencies) {
        self.dependencies = dependencies
    }

    public func search(_ question: String, context: ChatContext) async throws -> KnowledgeResult {
        let results = try await KnowledgeBaseService(dependencies: dependencies).search(tenantID: context.tenantID, query: question, limit: 3)
        return .passages(results.map { ChatKnowledgePassage(title: $0.title, text: $0.passage) })
    }
}

/// Callback slots from the tenant's business hours in its time zone, booked as callback tasks with a confirmation
/// (`CallbackService`).
public struct BusinessHoursCallbacks: CallbackBooking {
    public let dependencies: Dependencies

    public init(dependencies: Dependencies) {
        self.dependencies = dependencies
    }

    public func openSlots(after: Date, limit: Int, context: ChatContext) async throws -> [ChatCallbackSlot]? {
        let slots = try await CallbackService(dependencies: dependencies).slots(tenantID: context.tenantID, count: max(1, min(limit, 10)))
        return slots.map { ChatCallbackSlot(startsAt: $0.start, label: context.language == .french ? $0.labelFR : $0.labelEN) }
    }

    public func book(_ request: ChatCallbackRequest, key: String, context: ChatContext) async throws -> Bool {
        let booking = CallbackRequest(
            contact: TaskContact(contactID: context.contactID, email: request.email, phone: request.phone), start: request.slot.startsAt,
            note: "Chat", language: request.language.rawValue, conversationID: context.conversationID, createdBy: "agent", idempotencyKey: key)
        do {
            _ = try await CallbackService(dependencies: dependencies).schedule(booking, tenantID: context.tenantID)
            return true
        } catch let error as ValidationError {
            dependencies.logger.info("chat callback not booked", metadata: ["reason": .string(error.description)])
            return false
        }
    }
}

/// A hand-off task for the team, with its notice (Slack when configured), once per conversation (`TaskService`).
public struct TeamHandOff: HandOff {
    public let dependencies: Dependencies

    public init(dependencies: Dependencies) {
        self.dependencies = dependencies
    }

    public func handOff(_ request: HandOffRequest, key: String, context: ChatContext) async throws -> Bool {
        let why: String =
            switch request.reason {
            case .asked: "asks for a person / demande une personne"
            case .negativeSentiment: "is unhappy / est mécontent"
            case .orderChecksExhausted: "could not check an order / n'a pas pu vérifier une commande"
            }
        let task = NewTask(
            kind: .handOff, contact: TaskContact(contactID: context.contactID, email: request.email, phone: request.phone),
            subject: "Chat: a visitor " + why, details: "« \(String(request.lastMessage.prefix(2_000))) »\nGET /v1/chat/conversations/\(context.conversationID)",
            conversationID: context.conversationID, createdBy: "agent", idempotencyKey: key)
        do {
            _ = try await TaskService(dependencies: dependencies).create(task, tenantID: context.tenantID)
            return true
        } catch let error as ValidationError {
            dependencies.logger.info("chat hand-off task not created", metadata: ["reason": .string(error.description)])
            return false
        }
    }
}
