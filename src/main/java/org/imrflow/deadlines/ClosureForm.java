package org.imrflow.deadlines;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The calendar page's form for a new closure, as the browser sends it: either field may be missing. */
class ClosureForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    private String name;

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
