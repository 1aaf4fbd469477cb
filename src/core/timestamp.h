// RFC 3339 timestamps as the API writes them (createTime, a problem's time and retryAfter), read into
// milliseconds since the Unix epoch so that they compare as times, not as text: "…01Z" and "…01.5Z"
// sort the wrong way round as strings.
#pragma once
#include <optional>
#include <string_view>

namespace amp {

std::optional<long long> epoch_ms(std::string_view rfc3339); // nullopt unless a full date-time
bool not_before(std::string_view t, std::string_view floor);  // t >= floor; true when either is unreadable

} // namespace amp
