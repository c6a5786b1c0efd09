import Conversation
import Foundation
import Scoring

extension ChatAgent {
    /// Answers what the visitor asked for.
    func handle(_ intent: VisitorIntent, text: String, state: ChatState, context: ChatContext) async -> ChatTurn {
        var state = state
        let wording = ChatWording.of(state.language)
        switch intent {
        case .person:
            return handOff(.asked, text: text, state: state)
        case .orderStatus(let number):
            guard let number = number ?? ChatTextScanner.orderNumber(in: text) else { return awaiting(.orderNumber, wording.askOrderNumber, state) }
            if state.knowsContact { return await checkOrder(number, state: state, context: context) }
            return awaiting(.orderContact(orderNumber: number), wording.askOrderContact, state)
        case .productStock(let product):
            let phrase = [product, text].compactMap { $0 }.first { !ChatTextScanner.productWords($0).isEmpty }
            guard let phrase else { return awaiting(.productName, wording.askProduct, state) }
            return await stock(of: phrase, state: state, context: context)
        case .question(let question):
            return await answerQuestion(question, state: state, context: context)
        case .callback:
            let slots = try? await capabilities.callbacks.openSlots(after: context.now, limit: 3, context: context)
            guard let slots, !slots.isEmpty else {
                state.awaiting = nil
                return ChatTurn(replies: [wording.callbackUnavailable], state: state)
            }
            return awaiting(.callbackChoice(slots), wording.callbackChoose.replacingOccurrences(of: "{slots}", with: Self.list(slots)), state)
        }
    }

    /// Reads the answer to the agent's last question; nil when the message is about something else (the caller reads it
    /// afresh).
    func answer(_ awaiting: ChatAwaiting, text: String, given: Bool, state: ChatState, context: ChatContext) async -> ChatTurn? {
        var state = state
        let wording = ChatWording.of(state.language)
        let changesSubject = intentReader.read(text).map { $0.confidence >= 0.6 } ?? false
        switch awaiting {
        case .orderNumber:
            if let number = ChatTextScanner.orderNumber(in: text) {
                state.awaitingAttempts = 0
                if state.knowsContact { return await checkOrder(number, state: state, context: context) }
                return self.awaiting(.orderContact(orderNumber: number), wording.askOrderContact, state)
            }
        case .orderContact(let number):
            if given { return await checkOrder(number, state: state, context: context) }
            if !changesSubject, state.awaitingAttempts < 2 { return again(wording.askOrderContactAgain, state) }
        case .contactForLead:
            if given { return recordLead(state: state, replies: [wording.leadThanks]) }
            if ChatTextScanner.declines(text) || state.awaitingAttempts >= 1 {
                state.awaiting = nil
                if !changesSubject { return ChatTurn(replies: [wording.leadDeclined], state: state) }
                return nil
            }
            if !changesSubject { return again(wording.askContactForLead, state) }
        case .callbackChoice(let slots):
            if let slot = ChatTextScanner.slotChoice(in: text, slots: slots) {
                guard let phone = state.phone else { return self.awaiting(.callbackPhone(slot), wording.askCallbackPhone, state) }
                return book(slot, phone: phone, state: state)
            }
            if !changesSubject, state.awaitingAttempts < 2 {
                return again(wording.callbackChooseAgain.replacingOccurrences(of: "{slots}", with: Self.list(slots)), state)
            }
        case .callbackPhone(let slot):
            if let phone = state.phone, given { return book(slot, phone: phone, state: state) }
            if !changesSubject, state.awaitingAttempts < 2 { return again(wording.askCallbackPhone, state) }
        case .productName:
            if !changesSubject, !ChatTextScanner.productWords(text).isEmpty { return await stock(of: text, state: state, context: context) }
        }
        return nil
    }

    private func checkOrder(_ number: String, state: ChatState, context: ChatContext) async -> ChatTurn {
        var state = state
        state.awaiting = nil
        state.awaitingAttempts = 0
        let wording = ChatWording.of(state.language)
        guard state.failedOrderChecks < 3 else { return handOff(.orderChecksExhausted, text: number, state: state) }
        let order = try? await capabilities.orders.order(number: number, context: context)
        guard let order, Self.belongs(order, email: state.email, phone: state.phone) else {
            state.failedOrderChecks += 1
            // Details that do not match the order are not taken as the visitor's: their transcript must not land on
            // someone else's timeline.
            state.email = nil
            state.phone = nil
            if state.failedOrderChecks >= 3 { return handOff(.orderChecksExhausted, text: number, state: state) }
            state.awaiting = .orderContact(orderNumber: number)
            return ChatTurn(replies: [wording.orderNotMatched + " " + wording.askOrderContact], state: state)
        }
        var reply = wording.status(order.number, order.status)
        let tracking = [order.carrier, order.trackingNumber, order.trackingURL].compactMap { $0 }.joined(separator: " ")
        if !tracking.isEmpty, order.status == "fulfilled" || order.status == "delivered" { reply += " " + wording.tracking(tracking) }
        return ChatTurn(replies: [reply], state: state)
    }

    /// The order is the visitor's when the email or the phone they gave is the order's contact's.
    static func belongs(_ order: ChatOrder, email: String?, phone: String?) -> Bool {
        if let email, let orderEmail = order.contactEmail, orderEmail.lowercased() == email.lowercased() { return true }
        if let phone, let orderPhone = order.contactPhone, orderPhone == phone { return true }
        return false
    }

    private func stock(of product: String, state: ChatState, context: ChatContext) async -> ChatTurn {
        var state = state
        state.awaiting = nil
        state.awaitingAttempts = 0
        let wording = ChatWording.of(state.language)
        switch (try? await capabilities.stock.stock(of: product, context: context)) ?? .unavailable {
        case .unavailable:
            return ChatTurn(replies: [wording.stockUnavailable], state: state)
        case .products(let products) where products.isEmpty:
            return ChatTurn(replies: [wording.stockNone], state: state)
        case .products(let products):
            return ChatTurn(replies: [products.prefix(3).map(wording.stockLine).joined(separator: "\n")], state: state)
        }
    }

    private func answerQuestion(_ question: String, state: ChatState, context: ChatContext) async -> ChatTurn {
        let wording = ChatWording.of(state.language)
        switch (try? await capabilities.knowledge.search(question, context: context)) ?? .unavailable {
        case .unavailable:
            return ChatTurn(replies: [wording.knowledgeUnavailable], state: state)
        case .passages(let passages):
            guard let best = passages.first else { return ChatTurn(replies: [wording.knowledgeNone], state: state) }
            if let written = await capabilities.answers.answer(question, passages: passages, context: context) {
                return ChatTurn(replies: [written], state: state)
            }
            var text = best.text.count > 600 ? String(best.text.prefix(600)) + "…" : best.text
            if let url = best.url { text += " " + url }
            return ChatTurn(replies: [text], state: state)
        }
    }

    private func book(_ slot: ChatCallbackSlot, phone: String, state: ChatState) -> ChatTurn {
        var state = state
        state.awaiting = nil
        state.awaitingAttempts = 0
        let request = ChatCallbackRequest(slot: slot, phone: phone, email: state.email, language: state.language)
        return ChatTurn(replies: [ChatWording.of(state.language).callbackBooked(slot.label)], state: state, effects: [.bookCallback(request)])
    }

    private func awaiting(_ awaiting: ChatAwaiting, _ reply: String, _ state: ChatState) -> ChatTurn {
        var state = state
        state.awaiting = awaiting
        state.awaitingAttempts = 0
        return ChatTurn(replies: [reply], state: state)
    }

    private func again(_ reply: String, _ state: ChatState) -> ChatTurn {
        var state = state
        state.awaitingAttempts += 1
        return ChatTurn(replies: [reply], state: state)
    }

    private static func list(_ slots: [ChatCallbackSlot]) -> String {
        slots.enumerated().map { "\($0.offset + 1)) \($0.element.label)" }.joined(separator: ", ")
    }
}
