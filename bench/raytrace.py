# raytrace: a small ray tracer in the object-oriented style — Vector and
# Ray classes, spheres and a plane, Lambert and Phong shading, reflections.
import sys
import math

EPSILON = 0.00001


class Vector:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def magnitude(self):
        return math.sqrt(self.dot(self))

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def sub(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def scale(self, f):
        return Vector(self.x * f, self.y * f, self.z * f)

    def cross(self, other):
        return Vector(self.y * other.z - self.z * other.y,
                      self.z * other.x - self.x * other.z,
                      self.x * other.y - self.y * other.x)

    def normalized(self):
        return self.scale(1.0 / self.magnitude())

    def negated(self):
        return self.scale(-1)

    def reflect_through(self, normal):
        d = normal.scale(self.dot(normal))
        return self.sub(d.scale(2))


ZERO = Vector(0, 0, 0)
RIGHT = Vector(1, 0, 0)
UP = Vector(0, 1, 0)


class Ray:
    def __init__(self, point, vector):
        self.point = point
        self.vector = vector.normalized()

    def point_at_time(self, t):
        return self.point.add(self.vector.scale(t))


class Sphere:
    def __init__(self, centre, radius):
        self.centre = centre
        self.radius = radius

    def intersection_time(self, ray):
        cp = self.centre.sub(ray.point)
        v = cp.dot(ray.vector)
        discriminant = (self.radius * self.radius) - (cp.dot(cp) - v * v)
        if discriminant < 0:
            return None
        return v - math.sqrt(discriminant)

    def normal_at(self, p):
        return p.sub(self.centre).normalized()


class Halfspace:
    def __init__(self, point, normal):
        self.point = point
        self.normal = normal.normalized()

    def intersection_time(self, ray):
        v = ray.vector.dot(self.normal)
        if v:
            return 1 / -v
        return None

    def normal_at(self, p):
        return self.normal


class Surface:
    def __init__(self, base_colour, specular, lambert, ambient):
        self.base_colour = base_colour
        self.specular = specular
        self.lambert = lambert
        self.ambient = ambient

    def colour_at(self, scene, ray, p, normal):
        b = self.base_colour
        c = ZERO
        if self.specular > 0:
            reflected = Ray(p, ray.vector.reflect_through(normal))
            reflect_colour = scene.ray_colour(reflected)
            c = c.add(reflect_colour.scale(self.specular))
        if self.lambert > 0:
            lambert_amount = 0
            for light in scene.visible_lights(p):
                contribution = light.sub(p).normalized().dot(normal)
                if contribution > 0:
                    lambert_amount += contribution
            lambert_amount = min(1, lambert_amount)
            c = c.add(b.scale(lambert_amount * self.lambert))
        if self.ambient > 0:
            c = c.add(b.scale(self.ambient))
        return c


class Scene:
    def __init__(self):
        self.objects = []
        self.light_points = []
        self.position = Vector(0, 1.8, 10)
        self.look_at = ZERO
        self.field_of_view = 45
        self.recursion_depth = 0

    def add_object(self, obj, surface):
        self.objects.append((obj, surface))

    def ray_colour(self, ray):
        if self.recursion_depth > 3:
            return ZERO
        self.recursion_depth += 1
        hit = self.first_intersection(ray)
        if hit is None:
            self.recursion_depth -= 1
            return ZERO
        (o, t, s) = hit
        p = ray.point_at_time(t)
        c = s.colour_at(self, ray, p, o.normal_at(p))
        self.recursion_depth -= 1
        return c

    def first_intersection(self, ray):
        best = None
        for (o, s) in self.objects:
            t = o.intersection_time(ray)
            if t is not None and t > -EPSILON:
                if best is None or t < best[1]:
                    best = (o, t, s)
        return best

    def visible_lights(self, p):
        result = []
        for light in self.light_points:
            hit = self.first_intersection(Ray(p, light.sub(p)))
            if hit is None or hit[1] > light.sub(p).magnitude():
                result.append(light)
        return result

    def render(self, width, height):
        fov = math.radians(self.field_of_view)
        eye = Ray(self.position, self.look_at.sub(self.position)).vector
        vp_right = eye.cross(UP).normalized()
        vp_up = vp_right.cross(eye).normalized()
        half_w = math.tan(fov / 2)
        half_h = half_w * height / width
        pw = half_w * 2 / (width - 1)
        ph = half_h * 2 / (height - 1)
        total = 0
        for y in range(height):
            for x in range(width):
                xc = vp_right.scale(x * pw - half_w)
                yc = vp_up.scale(y * ph - half_h)
                ray = Ray(eye.add(xc).add(yc).add(self.position).sub(self.position).add(self.position), eye.add(xc).add(yc))
                ray = Ray(self.position, eye.add(xc).add(yc))
                c = self.ray_colour(ray)
                r = max(0, min(255, int(c.x * 255)))
                g = max(0, min(255, int(c.y * 255)))
                bl = max(0, min(255, int(c.z * 255)))
                total = (total * 31 + r * 65536 + g * 256 + bl) % 1000000007
        return total


def main(size):
    s = Scene()
    s.light_points.append(Vector(30, 30, 10))
    s.light_points.append(Vector(-10, 100, 30))
    s.add_object(Sphere(Vector(1, 3, -10), 2), Surface(Vector(1, 1, 0), 0.2, 1, 0.1))
    for y in range(6):
        s.add_object(Sphere(Vector(-3 - y * 0.4, 2.3, -5), 0.4),
                     Surface(Vector(y / 6.0, 1 - y / 6.0, 0.5), 0.2, 1, 0.1))
    s.add_object(Halfspace(Vector(0, 0, 0), UP), Surface(Vector(0.8, 0.8, 0.8), 0.4, 1, 0.1))
    print(s.render(size, size))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
