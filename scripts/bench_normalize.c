/*
 * bench_normalize: cells per second for norm_amount() and norm_label().
 *
 * Builds 100,000 cells as a 决算 table holds them (amount columns: grouped
 * amounts, 0.00, blanks, dashes, percentages, the odd full-width or negative
 * figure; label columns: 一、/（一）/1. ordinals, 其中：, spaced-out CJK, codes,
 * plain item names), or reads one cell per line from FILE, then times each
 * function over all cells a few times and prints the best run.  Timing uses
 * a monotonic clock; the amounts themselves never touch floating point.
 *
 *   make BUILD=build/default
 *   cc -O2 -I. scripts/bench_normalize.c build/default/libdisclex.a \
 *      $(pkg-config --libs icu-uc icu-i18n) -o build/bench_normalize
 *   build/bench_normalize [FILE]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/decimal.h"
#include "normalize/number.h"
#include "normalize/text.h"

enum { CELLS = 100000, RUNS = 5 };

static const char *amount_shapes[] = {
	"%d,%03d.%02d", "%d,%03d.%02d", "%d,%03d.%02d", "%d.%02d", "%d.%02d", "0.00", "", "",
	"-", "—", "%d.%02d%%", "（%d.%02d）", "-%d.%02d", "１２３．４５", " %d,%03d.%02d ", "/",
};

static const char *labels[] = {
	"一、一般公共服务支出", "（一）工资福利支出", "其中：基本工资", "  行政运行", "项    目",
	"本 年 收 入 合 计", "2010301", "事业运行", "二十六、抗疫特别国债安排的支出",
	"1.贯彻落实", "(1)项目支出", "\xE2\x91\xA0工资", "一般公共预算财政拨款收入",
	"政府性基金预算财政拨款", "合计", "商品和服务支出", "部⻔预算", "Total", "其中：津贴补贴",
	"机关事业单位基本养老保险缴费", "（十二）其他", "年初结转和结余", "三公经费", "公务接待费",
};

static unsigned next_random(unsigned *state)
{
	*state = *state * 1103515245u + 12345u;
	return (*state >> 16) & 0x7FFF;
}

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char **read_cells(const char *path, size_t *count)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		exit(1);
	}
	size_t cap = 1024, n = 0;
	char **cells = malloc(cap * sizeof *cells);
	char line[4096];
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (n == cap)
			cells = realloc(cells, (cap *= 2) * sizeof *cells);
		cells[n++] = strdup(line);
	}
	fclose(f);
	*count = n;
	return cells;
}

int main(int argc, char **argv)
{
	size_t n_amounts = CELLS, n_labels = CELLS;
	char **amounts, **label_cells;
	if (argc > 1) {
		amounts = read_cells(argv[1], &n_amounts);
		label_cells = amounts;
		n_labels = n_amounts;
	} else {
		unsigned seed = 42;
		amounts = malloc(CELLS * sizeof *amounts);
		label_cells = malloc(CELLS * sizeof *label_cells);
		for (size_t i = 0; i < CELLS; i++) {
			char buf[64];
			const char *shape =
				amount_shapes[next_random(&seed) % (sizeof amount_shapes / sizeof *amount_shapes)];
			int a = (int)next_random(&seed) % 9000 + 1, b = (int)next_random(&seed) % 1000,
			    c = (int)next_random(&seed) % 100;
			if (strstr(shape, "%03d"))
				snprintf(buf, sizeof buf, shape, a % 999 + 1, b, c);
			else if (strstr(shape, "%d"))
				snprintf(buf, sizeof buf, shape, a, c);
			else
				snprintf(buf, sizeof buf, "%s", shape);
			amounts[i] = strdup(buf);
			label_cells[i] = strdup(labels[next_random(&seed) % (sizeof labels / sizeof *labels)]);
		}
	}

	double best_amount = 1e9, best_label = 1e9;
	size_t numbers = 0;
	for (int run = 0; run < RUNS; run++) {
		numbers = 0;
		double t0 = seconds();
		for (size_t i = 0; i < n_amounts; i++) {
			decimal d;
			if (norm_amount(amounts[i], &d) == AMOUNT_NUMBER)
				numbers++;
		}
		double t1 = seconds();
		if (t1 - t0 < best_amount)
			best_amount = t1 - t0;

		arena *a = arena_new();
		t0 = seconds();
		for (size_t i = 0; i < n_labels; i++) {
			int ordinal;
			bool subrow;
			norm_label(a, label_cells[i], &ordinal, &subrow);
			if (i % 10000 == 9999) {
				arena_free(a);
				a = arena_new();
			}
		}
		t1 = seconds();
		arena_free(a);
		if (t1 - t0 < best_label)
			best_label = t1 - t0;
	}
	printf("norm_amount: %zu cells (%zu numbers) in %.1f ms: %.0f cells/s (%.2f us/cell)\n",
	       n_amounts, numbers, best_amount * 1e3, (double)n_amounts / best_amount,
	       best_amount * 1e6 / (double)n_amounts);
	printf("norm_label:  %zu cells in %.1f ms: %.0f cells/s (%.2f us/cell)\n", n_labels,
	       best_label * 1e3, (double)n_labels / best_label, best_label * 1e6 / (double)n_labels);
	return 0;
}
