// Freed memory is zeroed before it goes back to the allocator. A secret that passed through a
// std::string, a JSON tree, an ImGui buffer or a request body then leaves no copy in the heap, even
// in buffers that were outgrown and released along the way. One seam instead of a wipe at each use.
#include "web/zeroing_free.h"

#include <malloc.h>

#include <cstdlib>
#include <cstring>
#include <new>

void amp_free_zeroed(void* p) noexcept {
    if (!p) return;
    std::memset(p, 0, malloc_usable_size(p));
    std::free(p);
}

void operator delete(void* p) noexcept { amp_free_zeroed(p); }
void operator delete[](void* p) noexcept { amp_free_zeroed(p); }
void operator delete(void* p, std::size_t) noexcept { amp_free_zeroed(p); }
void operator delete[](void* p, std::size_t) noexcept { amp_free_zeroed(p); }
