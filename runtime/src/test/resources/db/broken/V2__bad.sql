SELEC this is not sql;
