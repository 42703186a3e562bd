#include <stdint.h>
#include <dlfcn.h>
typedef void* (*event_cb)(void*, const char*, void*);
typedef int (*printf_cb)(void*, const char*, ...);
typedef void* (*old_fn)(void*, void*, event_cb, void*, printf_cb, void*, const char*);
void* decode_instructions_virtual(uintptr_t start_va, uintptr_t end_va, unsigned char* buffer, uintptr_t length,
    event_cb ev, void* ev_stream, printf_cb pr, void* pr_stream, const char* options, int newline) {
  static old_fn f;
  if (!f) { void* h = dlopen("/usr/lib/x86_64-linux-gnu/libhsdis.so.0", RTLD_NOW); f = (old_fn) dlsym(h, "decode_instructions"); }
  return f((void*) buffer, (void*) (buffer + length), ev, ev_stream, pr, pr_stream, options);
}
