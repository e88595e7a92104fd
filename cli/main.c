/* placeholder entry point, replaced by the command-line driver */
int main(void) { return 0; }
