/*
 * fuzz_text: libFuzzer harness; each input is read as a text rendering and
 * goes through every stage and both emitters (fuzz/fuzz_input.h).
 */
#include "fuzz/fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_one(data, size, INPUT_TEXT);
}
