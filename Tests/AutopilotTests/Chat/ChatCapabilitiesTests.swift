import AutopilotCore
import Chat
import Foundation
import HummingbirdTesting
import Storage
import Synchronization
import Testing

/// The services the lead plugs into the agent (knowledge base, callbacks, the team's notice), faked here to show what
/// the agent asks of them and that a retried message never calls them twice.
final class RecordingServices: KnowledgeSearching, CallbackBooking, HandOff {
    let bookings = Mutex<[(key: String, request: ChatCallbackRequest)]>([])
    let handOffs = Mutex<[(key: String, request: HandOffRequest)]>([])

    func search(_ question: String, context: ChatContext) async throws -> KnowledgeResult {
        question.lowercased().contains("return")
            ? .passages([ChatKnowledgePassage(title: "Returns", text: "You can return any item within 30 days.", url: "https://shop.example/returns")])
            : .passages([])
    }

    func openSlots(after: Date, limit: Int, context: ChatContext) async throws -> [ChatCallbackSlot]? {
        [ChatCallbackSlot(startsAt: after.addingTimeInterval(3_600), label: "today at 14:00"), ChatCallbackSlot(startsAt: after.addingTimeInterval(86_400), label: "tomorrow at 13:00")]
    }

    func book(_ request: ChatCallbackRequest, key: String, context: ChatContext) async throws -> Bool {
        bookings.withLock { $0.append((key, request)) }
        return true
    }

    func handOff(_ request: HandOffRequest, key: String, context: ChatContext) async throws -> Bool {
        handOffs.withLock { $0.append((key, request)) }
        return true
    }
}

@Suite("Chat agent — plugged services")
struct ChatCapabilitiesTests {
    @Test func callbacksKnowledgeAndHandOffGoThroughThePluggedServices() async throws {
        let services = RecordingServices()
        try await TestDatabases.withSQLite { store in
            let capabilities = ChatCapabilities(
                orders: StoreOrderLookup(store: store), stock: CatalogStock(store: store), knowledge: services, callbacks: services, handOff: services)
            let harness = try await ChatHarness.make(store: store, capabilities: capabilities)
            try await harness.app.test(.live) { client in
                var visitor = Visitor(client, widget: harness.shopWidget, origin: ChatHarness.shopOrigin)
                _ = try await visitor.start(language: "en")
                let slots = try await visitor.say("Could you call me back?")
                #expect(slots.contains("1) today at 14:00, 2) tomorrow at 13:00"))
                #expect(try await visitor.say("the second one").contains("Which phone number"))
                let booked = try await visitor.say("+44 7700 900123", clientID: "phone")
                #expect(booked.contains("we'll call you tomorrow at 13:00"))
                _ = try await visitor.post("+44 7700 900123", clientID: "phone")
                let bookings = services.bookings.withLock { $0 }
                #expect(bookings.count == 1)
                #expect(bookings.first?.request.phone == "+447700900123")

                #expect(try await visitor.say("What is your return policy?").contains("within 30 days"))
                #expect(try await visitor.say("Do you have a warranty?").contains("didn't find an answer"))

                let handedOff = try await visitor.say("I want to talk to a human", clientID: "human")
                #expect(handedOff.contains("passing you to someone"))
                _ = try await visitor.post("I want to talk to a human", clientID: "human")
                let handOffs = services.handOffs.withLock { $0 }
                #expect(handOffs.count == 1)
                #expect(handOffs.first?.request.reason == .asked)
                #expect(handOffs.first?.request.phone == "+447700900123")
            }
        }
    }
}
