// Requests a state machine has made: queued until the platform takes them, then pending until their
// answer comes, each tagged with what it was for. An answer to an id no longer pending (stale, or
// from an attempt that was retired) settles to nothing.
#pragma once
#include <algorithm>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "core/http.h"

namespace amp {

struct Outgoing {
    int id = 0;
    Request request;
};

template <class Tag>
class Outbox {
public:
    void send(Tag tag, Request r) {
        int id = next_id_++;
        pending_[id] = tag;
        queued_.push_back({id, std::move(r)});
    }
    bool busy(Tag tag) const {
        return std::any_of(pending_.begin(), pending_.end(), [&](const auto& p) { return p.second == tag; });
    }
    bool any() const { return !pending_.empty(); }
    std::optional<Tag> settle(int id) {
        auto it = pending_.find(id);
        if (it == pending_.end()) return std::nullopt;
        Tag tag = it->second;
        pending_.erase(it);
        return tag;
    }
    std::vector<Outgoing> take() { return std::exchange(queued_, {}); }
    void forget_pending() { pending_.clear(); }      // their answers will settle to nothing
    void forget() { pending_.clear(), queued_.clear(); } // and the unsent ones are never sent

private:
    int next_id_ = 1;
    std::map<int, Tag> pending_;
    std::vector<Outgoing> queued_;
};

} // namespace amp
