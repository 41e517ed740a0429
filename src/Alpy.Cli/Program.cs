// Placeholder entry point until this program is written.
return 0;
