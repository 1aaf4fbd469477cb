// free() that zeroes the block first; C++ delete uses it too (zeroing_free.cpp).
#pragma once

void amp_free_zeroed(void* p) noexcept;
